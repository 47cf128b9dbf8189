import ArgumentParser
import Foundation
import PolicyCore
import PolicyExtraction

/// The filters that listings share, with one meaning everywhere: search,
/// goals and compare take them through `@OptionGroup`.
struct FilterOptions: ParsableArguments {
    @Option(help: "Only these regions (codes or names, comma-separated); a province includes its cities (广东 finds 深圳).")
    var region: String?

    @Option(help: "Only articles of this section (several: comma-separated).")
    var section: String?

    @Option(help: "Only articles dated on or after this day (YYYY, YYYY-MM or YYYY-MM-DD).")
    var since: String?

    @Option(help: "Only articles dated on or before this day (YYYY, YYYY-MM or YYYY-MM-DD).")
    var until: String?

    @Option(help: "Only what concerns this policy: text of its title or short name, or its id.")
    var policy: String?

    /// The options as the core reads them, for the command line and the
    /// server alike.
    var input: RecordFilterInput {
        RecordFilterInput(region: region, section: section, since: since, until: until, policy: policy)
    }

    func validate() throws {
        do {
            try input.validate()
        } catch {
            throw ValidationError("--" + error.description)
        }
    }

    /// The filter, with the regions resolved to their codes in `store`
    /// (an unknown region is a usage error: see `CommandFailure`).
    func recordFilter(in store: PolicyStore) throws -> RecordFilter { try input.filter(in: store) }

    /// Region codes for names a user typed.
    static func regionCodes(_ names: String, in store: PolicyStore) throws -> [String] {
        try RecordFilterInput.regionCodes(names, in: store)
    }
}
