import ArgumentParser
import Foundation
import PolicyCore
import PolicyExtraction

/// The filters that listings share, with one meaning everywhere: search,
/// goals and compare take them through `@OptionGroup`.
struct FilterOptions: ParsableArguments {
    @Option(help: "Only this region (code or name); a province includes its cities (广东 finds 深圳).")
    var region: String?

    @Option(help: "Only articles of this section (several: comma-separated).")
    var section: String?

    @Option(help: "Only articles dated on or after this day (YYYY, YYYY-MM or YYYY-MM-DD).")
    var since: String?

    @Option(help: "Only articles dated on or before this day (YYYY, YYYY-MM or YYYY-MM-DD).")
    var until: String?

    @Option(help: "Only what concerns this policy: text of its title or short name, or its id.")
    var policy: String?

    func validate() throws {
        if let since, DateBound.start(since) == nil { throw ValidationError("--since: not a date: \(since)") }
        if let until, DateBound.end(until) == nil { throw ValidationError("--until: not a date: \(until)") }
    }

    /// The filter, with the region resolved to its codes in `store`.
    /// - Throws: a usage failure for a region the store does not know.
    func recordFilter(in store: PolicyStore) throws -> RecordFilter {
        RecordFilter(regionCodes: try region.map { try Self.regionCodes($0, in: store) },
                     sections: section.map { $0.split(whereSeparator: { $0 == "," || $0 == "，" }).map(String.init) },
                     since: since.flatMap(DateBound.start), until: until.flatMap(DateBound.end), policy: policy)
    }

    /// Region codes for a name a user typed; an unknown one is a usage error.
    static func regionCodes(_ name: String, in store: PolicyStore) throws -> [String] {
        do {
            return try store.regionCodes(for: name)
        } catch let error as StoreError {
            if case .unknownRegion = error { throw CommandFailure.usage(error.description) }
            throw error
        }
    }
}
