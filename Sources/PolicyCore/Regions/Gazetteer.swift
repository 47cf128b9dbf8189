/// The names of regions that extraction looks for in running text, from
/// the `regions` and `region_names` tables.
public struct Gazetteer: Sendable {
    public struct Region: Sendable, Equatable {
        public let code: String
        public let name: String
        public let level: String
        public let parentCode: String?
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

    /// - Parameters:
    ///   - regions: code, name, level, parent.
    ///   - names: name, code, kind, priority. Abbreviations and names of
    ///     negative priority are for users' look-ups, not running text.
    public init(regions: [Region], names: [(name: String, code: String, kind: String, priority: Int)]) {
        self.regions = Dictionary(regions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
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

    /// The province a code belongs to (itself for a province).
    public func province(of code: String) -> String? {
        guard let region = regions[code] else { return nil }
        if region.level == "prefecture" { return region.parentCode }
        return region.level == "province" ? code : nil
    }
}
