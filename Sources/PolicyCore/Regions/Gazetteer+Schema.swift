import PolicykbMigrations

extension Gazetteer {
    /// The gazetteer the schema seeds, read from the migrations compiled into
    /// the binary — the same SQL that fills the `regions` and `region_names`
    /// tables, so there is one source of truth — without opening a database.
    ///
    /// Only `INSERT INTO regions|region_names (columns) VALUES (…), …;`
    /// statements are read (the form the migrations use); a test checks that
    /// the result equals what a migrated database holds.
    /// - Complexity: O(n) in the length of the migrations' SQL.
    public static func fromSchema() throws -> Gazetteer {
        var regions: [Region] = []
        var names: [(name: String, code: String, kind: String, priority: Int)] = []
        for migration in PolicykbSchema.migrations {
            for insert in SQLInsertReader.inserts(in: migration.sql) {
                for row in insert.rows {
                    func text(_ column: String) -> String? {
                        guard let index = insert.columns.firstIndex(of: column), index < row.count else { return nil }
                        return row[index]
                    }
                    switch insert.table {
                    case "regions":
                        guard let code = text("code"), let name = text("name"), let level = text("level") else {
                            throw GazetteerError(reason: "a regions row without code, name or level")
                        }
                        regions.append(Region(code: code, name: name, level: level, parentCode: text("parent_code")))
                    case "region_names":
                        guard let name = text("name"), let code = text("code"), let kind = text("kind") else {
                            throw GazetteerError(reason: "a region_names row without name, code or kind")
                        }
                        names.append((name, code, kind, text("priority").flatMap { Int($0) } ?? 0))
                    default:
                        continue
                    }
                }
            }
        }
        guard !regions.isEmpty else { throw GazetteerError(reason: "the migrations seed no regions") }
        return Gazetteer(regions: regions, names: names)
    }
}

public struct GazetteerError: Error, CustomStringConvertible {
    public let reason: String
    public var description: String { "gazetteer: \(reason)" }
}

/// Reads `INSERT INTO table (a, b) VALUES (…), (…);` statements: string
/// literals ('' escapes a quote), NULL and numbers; values as text, NULL as nil.
enum SQLInsertReader {
    struct Insert {
        var table: String
        var columns: [String]
        var rows: [[String?]]
    }

    static func inserts(in sql: String) -> [Insert] {
        let s = Array(sql.unicodeScalars)
        var found: [Insert] = []
        var i = 0
        func skipSpace() {
            while i < s.count {
                if s[i] == "-" && i + 1 < s.count && s[i + 1] == "-" {
                    while i < s.count && s[i] != "\n" { i += 1 }
                } else if s[i].properties.isWhitespace {
                    i += 1
                } else {
                    return
                }
            }
        }
        func word() -> String {
            var out = String.UnicodeScalarView()
            while i < s.count, s[i].properties.isAlphabetic || s[i] == "_" || s[i].properties.numericType != nil {
                out.append(s[i]); i += 1
            }
            return String(out)
        }
        while i < s.count {
            skipSpace()
            if i < s.count, s[i] == ";" { i += 1; continue }
            let start = i
            guard word().uppercased() == "INSERT" else {
                // Skip to the end of this statement, outside string literals.
                i = max(i, start + 1)
                var quoted = false
                while i < s.count && (quoted || s[i] != ";") { if s[i] == "'" { quoted.toggle() }; i += 1 }
                i += 1
                continue
            }
            skipSpace(); guard word().uppercased() == "INTO" else { continue }
            skipSpace(); let table = word()
            skipSpace(); guard i < s.count, s[i] == "(" else { continue }
            i += 1
            var columns: [String] = []
            while i < s.count && s[i] != ")" {
                skipSpace(); columns.append(word()); skipSpace()
                if i < s.count && s[i] == "," { i += 1 }
            }
            i += 1
            skipSpace(); guard word().uppercased() == "VALUES" else { continue }
            var rows: [[String?]] = []
            while i < s.count {
                skipSpace()
                guard i < s.count, s[i] == "(" else { break }
                i += 1
                var row: [String?] = []
                while i < s.count && s[i] != ")" {
                    skipSpace()
                    if i < s.count && s[i] == "'" {
                        i += 1
                        var value = String.UnicodeScalarView()
                        while i < s.count {
                            if s[i] == "'" {
                                if i + 1 < s.count && s[i + 1] == "'" { value.append("'"); i += 2; continue }
                                i += 1
                                break
                            }
                            value.append(s[i]); i += 1
                        }
                        row.append(String(value))
                    } else {
                        var value = String.UnicodeScalarView()
                        while i < s.count && s[i] != "," && s[i] != ")" && !s[i].properties.isWhitespace {
                            value.append(s[i]); i += 1
                        }
                        let text = String(value)
                        row.append(text.uppercased() == "NULL" ? nil : text)
                    }
                    skipSpace()
                    if i < s.count && s[i] == "," { i += 1 }
                }
                i += 1
                rows.append(row)
                skipSpace()
                if i < s.count && s[i] == "," { i += 1; continue }
                break
            }
            found.append(Insert(table: table, columns: columns, rows: rows))
        }
        return found
    }
}
