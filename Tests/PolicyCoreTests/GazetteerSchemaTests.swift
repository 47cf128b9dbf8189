import Foundation
import Testing
@testable import PolicyCore

/// The gazetteer read from the migrations' SQL is the one a migrated
/// database holds: one source of truth, no database needed.
@Suite struct GazetteerSchemaTests {
    @Test func theSchemaGazetteerEqualsTheDatabaseOne() throws {
        let fromSQL = try Gazetteer.fromSchema()
        let fromStore = try PolicyStore(path: ":memory:").gazetteer()
        #expect(fromSQL.regions.count == fromStore.regions.count)
        #expect(fromSQL.regions == fromStore.regions)
        for name in ["成都", "成都市", "深圳", "贵阳贵安", "欧盟", "英国", "京", "中山"] {
            #expect(fromSQL.code(named: name) == fromStore.code(named: name), "\(name)")
        }
        let text = Array("成都市人民政府与深圳市、英国伦敦签约".unicodeScalars)
        #expect(fromSQL.matches(in: text) == fromStore.matches(in: text))
    }

    @Test func insertsAreReadWithQuotesNullsAndComments() {
        let sql = """
            -- a comment; with a semicolon
            CREATE TABLE t (a TEXT);
            INSERT INTO regions (code, name, level, parent_code) VALUES
                ('A1', 'O''Brien', 'x', NULL), -- trailing comment
                ('B2', '二', 'y', 'A1');
            """
        let inserts = SQLInsertReader.inserts(in: sql)
        #expect(inserts.count == 1)
        #expect(inserts.first?.table == "regions")
        #expect(inserts.first?.columns == ["code", "name", "level", "parent_code"])
        #expect(inserts.first?.rows == [["A1", "O'Brien", "x", nil], ["B2", "二", "y", "A1"]])
    }
}
