extension Gazetteer {
    /// The gazetteer the schema seeds: the rows of the `regions` and
    /// `region_names` tables as the migrations insert them, generated into
    /// `Gazetteer+Data.swift` by Scripts/generate-gazetteer.py, so that
    /// extraction needs no database. A test checks that a migrated database
    /// holds the same rows.
    public static let seeded: Gazetteer = {
        var regions: [Region] = []
        var names: [(name: String, code: String, kind: String, priority: Int)] = []
        for line in seededRows.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0 == #"\N"# ? nil : String($0)
            }
            guard fields.count == 5 else { continue }
            if fields[0] == "R", let code = fields[1], let name = fields[2], let level = fields[3] {
                regions.append(Region(code: code, name: name, level: level, parentCode: fields[4]))
            } else if fields[0] == "N", let name = fields[1], let code = fields[2], let kind = fields[3] {
                names.append((name, code, kind, fields[4].flatMap { Int($0) } ?? 0))
            }
        }
        return Gazetteer(regions: regions, names: names)
    }()
}
