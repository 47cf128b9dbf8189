import Foundation

/// Paths the tests read: the package's own fixtures and sample data, and the
/// shared corpus beside the project (../shared), which may be missing —
/// tests that need it skip and say so.
public enum TestPaths {
    /// The package's root folder.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let fixtures = packageRoot.appendingPathComponent("Tests/PolicyCoreTests/Fixtures")
    public static let sampleData = packageRoot.appendingPathComponent("SampleData")
    /// ../shared, beside the project.
    public static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    public static let sharedCorpus = shared.appendingPathComponent("corpus")
    public static let scorer = shared.appendingPathComponent("tools/score-extraction.py")
    /// The seed bulletin (a real issue of 《大数据发展动态》) and its annotation.
    public static let realBulletin = sharedCorpus.appendingPathComponent("dsjfzdt-2025-08-221.txt")
    public static let realGold = sharedCorpus.appendingPathComponent("dsjfzdt-2025-08-221.gold.json")
    public static var hasSharedCorpus: Bool { FileManager.default.fileExists(atPath: realBulletin.path) }

    /// Every annotated bulletin in the shared corpus: the text beside its
    /// `.gold.json`, in name order.
    public static var annotatedBulletins: [(text: URL, gold: URL)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: sharedCorpus.path)) ?? []
        return names.filter { $0.hasSuffix(".gold.json") }.sorted().compactMap { name in
            let gold = sharedCorpus.appendingPathComponent(name)
            let text = sharedCorpus.appendingPathComponent(String(name.dropLast(".gold.json".count)) + ".txt")
            return FileManager.default.fileExists(atPath: text.path) ? (text, gold) : nil
        }
    }

    /// A fixture's text (UTF-8).
    public static func fixture(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    /// A fresh temporary directory; the caller removes it.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("policykb-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
