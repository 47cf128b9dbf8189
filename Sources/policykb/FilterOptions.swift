import ArgumentParser
import Foundation
import PolicyCore

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

/// Dates a user types, as the first or last day they name.
enum DateBound {
    /// 2024 → 2024-01-01, 2024-03 → 2024-03-01, 2024-03-05 → itself.
    static func start(_ text: String) -> String? {
        guard let parts = parts(text) else { return nil }
        return String(format: "%04d-%02d-%02d", parts.0, parts.1 ?? 1, parts.2 ?? 1)
    }

    /// 2024 → 2024-12-31, 2024-02 → 2024-02-31 (compared as text, the last day is enough).
    static func end(_ text: String) -> String? {
        guard let parts = parts(text) else { return nil }
        return String(format: "%04d-%02d-%02d", parts.0, parts.1 ?? 12, parts.2 ?? 31)
    }

    static func parts(_ text: String) -> (Int, Int?, Int?)? {
        let pieces = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map { Int($0) }
        guard (1...3).contains(pieces.count), pieces.allSatisfy({ $0 != nil }), let year = pieces[0],
              (1900...2200).contains(year) else { return nil }
        let month = pieces.count > 1 ? pieces[1] : nil
        let day = pieces.count > 2 ? pieces[2] : nil
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            // The last day of the month: 2025-02-30 is not a date.
            let days = [31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            guard day >= 1, day <= days[(month ?? 1) - 1] else { return nil }
        }
        return (year, month, day)
    }
}
