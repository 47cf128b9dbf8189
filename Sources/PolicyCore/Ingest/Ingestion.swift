import Foundation
import SQLiteDB

/// What happened to one file of an ingest run.
public struct FileOutcome: Sendable, Equatable {
    public enum Status: String, Sendable {
        case ingested, replaced, unchanged, failed
        /// `--dry-run`: what would happen.
        case wouldIngest = "would_ingest", wouldReplace = "would_replace"
    }

    public let path: String
    public let status: Status
    /// Why it failed, or which file it duplicates.
    public let reason: String?
    public let publication: String?
    public let issueDate: String?
    public let issueNumber: Int?
    public let cumulativeNumber: Int?
    public let articles: Int
    public let bytes: Int

    init(path: String, status: Status, reason: String? = nil, prepared: PreparedIssue? = nil, bytes: Int = 0) {
        self.path = path
        self.status = status
        self.reason = reason
        publication = prepared?.issue.publication
        issueDate = prepared?.issue.date
        issueNumber = prepared?.issue.number
        cumulativeNumber = prepared?.issue.cumulativeNumber
        articles = prepared?.issue.articles.count ?? 0
        self.bytes = prepared?.byteCount ?? bytes
    }
}

public struct IngestReport: Sendable {
    public var files: [FileOutcome] = []
    public var seconds: Double = 0

    public func count(_ status: FileOutcome.Status) -> Int { files.filter { $0.status == status }.count }
    public var failed: [FileOutcome] { files.filter { $0.status == .failed } }
    /// Articles written (ingested or replaced).
    public var articles: Int {
        files.filter { $0.status == .ingested || $0.status == .replaced }.reduce(0) { $0 + $1.articles }
    }
}

/// Ingests files and directories into a store, one transaction per file.
public struct Ingestion {
    public let store: PolicyStore
    public var dryRun = false
    public var failFast = false

    public init(store: PolicyStore) {
        self.store = store
    }

    /// File name extensions a directory walk picks up: bulletin text and
    /// JSON Lines. Files named on the command line are read whatever their
    /// name; their encoding is always told from the bytes.
    public static let ingestibleExtensions: Set<String> = ["txt", "text", "jsonl"]

    /// Files named by `paths`, directories expanded recursively to their
    /// `.txt` and `.jsonl` files, each list in a stable (sorted) order;
    /// paths that do not exist are kept so that they are reported.
    public static func expand(_ paths: [String]) -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let root = URL(fileURLWithPath: path)
            var found: [String] = []
            if let walker = manager.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                               options: [.skipsHiddenFiles]) {
                for case let url as URL in walker {
                    if Self.ingestibleExtensions.contains(url.pathExtension.lowercased()),
                       (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                        found.append(url.path)
                    }
                }
            }
            files.append(contentsOf: found.sorted())
        }
        return files
    }

    /// Ingests every file; `report` is called after each.
    public func run(_ paths: [String], report: (FileOutcome) -> Void = { _ in }) throws -> IngestReport {
        let started = Date()
        var result = IngestReport()
        let preparer = IssuePreparer(gazetteer: try store.gazetteer())
        for path in Self.expand(paths) {
            let outcome = ingest(path, preparer: preparer)
            result.files.append(outcome)
            report(outcome)
            if failFast && outcome.status == .failed { break }
        }
        result.seconds = Date().timeIntervalSince(started)
        return result
    }

    func ingest(_ path: String, preparer: IssuePreparer) -> FileOutcome {
        let bytes: [UInt8]
        do {
            bytes = try Self.read(path)
        } catch {
            return FileOutcome(path: path, status: .failed, reason: "\(error)")
        }
        let digest = SHA256.hex(bytes)
        do {
            if let existing = try store.existingPath(sha256: digest) {
                let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
                return FileOutcome(path: path, status: .unchanged,
                                   reason: existing == absolute ? nil : "same content as \(existing)", bytes: bytes.count)
            }
            let prepared = try preparer.prepare(path: path, bytes: bytes, sha256: digest)
            if dryRun {
                let replacing = try store.database.scalar("SELECT count(*) FROM issues WHERE source_path = ?",
                                                          [prepared.sourcePath]).int ?? 0
                return FileOutcome(path: path, status: replacing > 0 ? .wouldReplace : .wouldIngest, prepared: prepared)
            }
            switch try store.write(prepared) {
            case .inserted: return FileOutcome(path: path, status: .ingested, prepared: prepared)
            case .replaced: return FileOutcome(path: path, status: .replaced, prepared: prepared)
            case .unchanged(let existing):
                return FileOutcome(path: path, status: .unchanged, reason: "same content as \(existing)", bytes: bytes.count)
            }
        } catch {
            return FileOutcome(path: path, status: .failed, reason: "\(error)", bytes: bytes.count)
        }
    }

    /// The bytes of a regular file.
    static func read(_ path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw PolicyError("no such file")
        }
        guard !isDirectory.boolValue else { throw PolicyError("is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PolicyError("cannot read (permission denied?)")
        }
        return [UInt8](data)
    }
}
