import PolicyExtraction

/// The shared filters as a user types them, on the command line
/// (`--region 北京,深圳 --since 2025-03`) or in a URL (`region=北京,深圳&since=2025-03`):
/// one reading for both, checked once, then resolved against the store.
public struct RecordFilterInput: Sendable, Equatable {
    /// One region or several (`北京,深圳`, `北京、深圳`), each a code or a
    /// name in either script (440300, 深圳市, 深圳, 臺北).
    public var region: String?
    /// One section or several, comma-separated.
    public var section: String?
    public var since: String?
    public var until: String?
    public var policy: String?

    public init(region: String? = nil, section: String? = nil, since: String? = nil, until: String? = nil,
                policy: String? = nil) {
        self.region = region
        self.section = section
        self.since = since
        self.until = until
        self.policy = policy
    }

    /// Why an input cannot be used, in words a user reads on either side;
    /// `field` is the name without its dashes (`since`, `region`).
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case notADate(field: String, value: String)
        case unknownRegion(String)

        public var description: String {
            switch self {
            case let .notADate(field, value): "\(field): not a date:「\(value)」(2024, 2024-03 or 2024-03-05)"
            case .unknownRegion(let name): StoreError.unknownRegion(name).description
            }
        }
    }

    /// Checks what needs no store: the dates.
    public func validate() throws(Problem) {
        if let since, DateBound.start(since) == nil { throw .notADate(field: "since", value: since) }
        if let until, DateBound.end(until) == nil { throw .notADate(field: "until", value: until) }
    }

    /// The filter, regions resolved to their codes in `store` (a province
    /// with its cities).
    /// - Throws: `Problem` for a bad date or an unknown region; the store's
    ///   own errors otherwise.
    public func filter(in store: PolicyStore) throws -> RecordFilter {
        try validate()
        return RecordFilter(regionCodes: try region.map { try Self.regionCodes($0, in: store) },
                            sections: section.map(Self.list), since: since.flatMap(DateBound.start),
                            until: until.flatMap(DateBound.end), policy: policy)
    }

    /// Codes for a list of region names.
    public static func regionCodes(_ names: String, in store: PolicyStore) throws -> [String] {
        var codes: [String] = []
        for name in list(names) {
            do {
                codes += try store.regionCodes(for: name)
            } catch StoreError.unknownRegion(let unknown) {
                throw Problem.unknownRegion(unknown)
            }
        }
        return codes
    }

    /// The items of a list typed with commas (either width) or 、.
    static func list(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" })
            .map { String($0).trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
    }
}
