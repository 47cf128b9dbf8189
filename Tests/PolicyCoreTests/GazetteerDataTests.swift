import Foundation
import SQLiteDB
import Testing
@testable import PolicyCore
@testable import PolicyExtraction

/// The gazetteer extraction reads without a database (generated from the
/// migrations by Scripts/generate-gazetteer.py) is the one a migrated
/// database holds: a migration that seeds regions without the script rerun
/// fails here.
@Suite struct GazetteerDataTests {
    @Test func theSeededGazetteerEqualsTheDatabaseOne() throws {
        let seeded = Gazetteer.seeded
        let store = try PolicyStore(path: ":memory:")
        let fromStore = try store.gazetteer()
        #expect(seeded.regions.count > 300)
        #expect(seeded.regions == fromStore.regions)
        // Every name row, as the tables hold them.
        let rows = try store.database.rows("SELECT name, code, kind, priority FROM region_names").map {
            "N\t\($0["name"].string ?? "")\t\($0["code"].string ?? "")\t\($0["kind"].string ?? "")\t\($0["priority"].int ?? 0)"
        }.sorted()
        let generated = Gazetteer.seededRows.split(separator: "\n").filter { $0.hasPrefix("N\t") }.map(String.init).sorted()
        #expect(generated == rows)
        for name in ["成都", "成都市", "深圳", "贵阳贵安", "欧盟", "英国", "京", "中山", "臺北市"] {
            #expect(seeded.code(named: name) == fromStore.code(named: name), "\(name)")
        }
        let text = Array("成都市人民政府与深圳市、英国伦敦签约".unicodeScalars)
        #expect(seeded.matches(in: text) == fromStore.matches(in: text))
    }
}
