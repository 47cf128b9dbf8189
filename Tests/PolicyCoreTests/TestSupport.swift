import Foundation
import PolicykbMigrations
import SQLiteDB
@testable import PolicyCore
@testable import PolicyExtraction
import PolicykbTestSupport

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

/// Extraction on free text, as `policykb extract` runs it.
enum TextExtraction {
    static let extractor: TextExtractor? = try? TextExtractor()

    static func goals(_ text: String, issueYear: Int) throws -> [ExtractedGoal] {
        guard let extractor else { throw ExtractionUnavailable() }
        return extractor.extract(text, issueYear: issueYear).goals
    }

    struct ExtractionUnavailable: Error {}
}

/// A database file as an older binary left it: migrated up to `version`
/// only, then filled by `fill`, in a temporary folder of its own (removed
/// by `remove`). Opening it with `PolicyStore` applies the later migrations.
struct OlderSchemaFile {
    let directory: URL
    let path: String

    init(version: Int, _ fill: (Database) throws -> Void) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("policykb-schema\(version)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("old.sqlite").path
        try PolicyStore.registerExtension()
        let database = try Database(path: path, mode: .readWrite)
        try database.execute("PRAGMA foreign_keys = ON")
        try Migrator(PolicykbSchema.migrations.filter { $0.version <= version }).migrate(database)
        try fill(database)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}
