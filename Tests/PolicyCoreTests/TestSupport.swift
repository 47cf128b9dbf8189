import Foundation
@testable import PolicyCore

/// Paths the tests read: the project's fixtures and the shared corpus
/// beside the project (../shared), which may be missing.
enum TestPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Tests/PolicyCoreTests/Fixtures")
    static let sharedCorpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static let realBulletin = sharedCorpus.appendingPathComponent("dsjfzdt-2025-08-221.txt")
    static let realGold = sharedCorpus.appendingPathComponent("dsjfzdt-2025-08-221.gold.json")
    static var hasSharedCorpus: Bool { FileManager.default.fileExists(atPath: realBulletin.path) }

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }
}

/// A gazetteer from a freshly migrated in-memory database.
enum TestGazetteer {
    static let shared: Gazetteer = {
        do {
            return try PolicyStore(path: ":memory:").gazetteer()
        } catch {
            preconditionFailure("the regions migration must load: \(error)")
        }
    }()
}
