/// The names of regions that extraction looks for in running text, from
/// the `regions` and `region_names` tables.
public struct Gazetteer: Sendable {
    public struct Region: Sendable, Equatable {
        public let code: String
        public let name: String
        public let level: String
        public let parentCode: String?

        public init(code: String, name: String, level: String, parentCode: String?) {
            self.code = code
            self.name = name
            self.level = level
            self.parentCode = parentCode
        }
    }

    public struct Name: Sendable, Equatable {
        public let text: String
        public let code: String
        public let priority: Int
        let scalars: [Unicode.Scalar]
    }

    /// A name found in a text, at code-point offsets.
    public struct Match: Sendable, Equatable {
        public let code: String
        public let start: Int
        public let end: Int
        public let text: String
    }

    public let regions: [String: Region]
    /// Names usable in running text, by first character, longest first.
    private let namesByFirst: [Unicode.Scalar: [Name]]
    /// Every name a user or a data file may give, abbreviations included.
    private let codesByName: [String: String]

    /// - Parameters:
    ///   - regions: code, name, level, parent.
    ///   - names: name, code, kind, priority. Abbreviations and names of
    ///     negative priority are for users' look-ups, not running text.
    public init(regions: [Region], names: [(name: String, code: String, kind: String, priority: Int)]) {
        self.regions = Dictionary(regions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var lookup: [String: (code: String, priority: Int)] = [:]
        for entry in names where (lookup[entry.name]?.priority ?? Int.min) < entry.priority {
            lookup[entry.name] = (entry.code, entry.priority)
        }
        for region in regions where lookup[region.name] == nil { lookup[region.name] = (region.code, 0) }
        codesByName = lookup.mapValues(\.code)
        var best: [String: Name] = [:]
        for entry in names where entry.kind != "abbreviation" && entry.priority >= 0 && entry.name.count >= 2 {
            let candidate = Name(text: entry.name, code: entry.code, priority: entry.priority,
                                 scalars: Array(entry.name.unicodeScalars))
            if let existing = best[entry.name], existing.priority >= candidate.priority { continue }
            best[entry.name] = candidate
        }
        var grouped: [Unicode.Scalar: [Name]] = [:]
        for name in best.values { grouped[name.scalars[0], default: []].append(name) }
        namesByFirst = grouped.mapValues { $0.sorted { $0.scalars.count > $1.scalars.count } }
    }

    /// Region names in `scalars`, leftmost-longest, not overlapping.
    /// - Complexity: O(n·k) for n characters and k names sharing a first
    ///   character.
    public func matches(in scalars: [Unicode.Scalar]) -> [Match] {
        var found: [Match] = []
        var i = 0
        while i < scalars.count {
            if let candidates = namesByFirst[scalars[i]],
               let name = candidates.first(where: { Self.hasPrefix(scalars, at: i, $0.scalars) }) {
                found.append(Match(code: name.code, start: i, end: i + name.scalars.count, text: name.text))
                i += name.scalars.count
            } else {
                i += 1
            }
        }
        return found
    }

    public func matches(in text: String) -> [Match] { matches(in: Array(text.unicodeScalars)) }

    static func hasPrefix(_ scalars: [Unicode.Scalar], at index: Int, _ prefix: [Unicode.Scalar]) -> Bool {
        guard index + prefix.count <= scalars.count else { return false }
        for k in 0..<prefix.count where scalars[index + k] != prefix[k] { return false }
        return true
    }

    /// The region a code or a name stands for: 440300, 深圳市, 深圳, 粤.
    public func code(named text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: " ")
        if regions[trimmed.uppercased()] != nil { return trimmed.uppercased() }
        return codesByName[trimmed]
    }
}
