import Foundation
import PolicykbTestSupport
import Testing

/// Imports point one way: C module map → SQLite layer → numbers → text and
/// extraction (pure, no SQL) → store and queries → command line and server.
/// The compiler enforces a target's declared dependencies only loosely (a
/// module built for another target may still be importable), so the
/// sources are read.
@Suite struct ModuleBoundaryTests {
    /// The modules each target's sources may import, besides the system's.
    static let allowed: [String: Set<String>] = [
        "PolicyNumbers": ["CScriptFold"],
        "PolicyExtraction": ["PolicyNumbers", "PolicykbText", "CScriptFold"],
        "SQLiteDB": ["CSQLite"],
        "PolicykbServeConfiguration": [],
        "PolicyCore": ["SQLiteDB", "PolicykbFTS5", "PolicykbText", "PolicykbMigrations", "PolicykbDigest",
                       "PolicyExtraction", "PolicyNumbers", "CScriptFold"],
    ]
    static let system: Set<String> = ["Foundation", "FoundationEssentials", "Glibc", "Darwin", "Dispatch", "Synchronization"]

    @Test(arguments: allowed.keys.sorted())
    func targetImportsOnlyWhatItMay(target: String) throws {
        let folder = TestPaths.packageRoot.appendingPathComponent("Sources/\(target)")
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") } ?? []
        #expect(!files.isEmpty, "no sources for \(target)")
        let permitted = Self.allowed[target, default: []].union(Self.system)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ")
                guard let index = words.firstIndex(of: "import"), words.prefix(upTo: index).allSatisfy({ $0.hasPrefix("@") }),
                      index + 1 < words.count else { continue }
                let module = String(words[index + 1].split(separator: ".")[0])
                #expect(permitted.contains(module), "\(target)/\(file) imports \(module)")
            }
        }
    }
}
