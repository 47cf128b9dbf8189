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
    public let goals: Int
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
        goals = prepared?.goalCount ?? 0
        self.bytes = prepared?.byteCount ?? bytes
    }
}

public struct IngestReport: Sendable {
    public var files: [FileOutcome] = []
    public var seconds: Double = 0

    public func count(_ status: FileOutcome.Status) -> Int { files.filter { $0.status == status }.count }
    public var failed: [FileOutcome] { files.filter { $0.status == .failed } }
    var written: [FileOutcome] { files.filter { $0.status == .ingested || $0.status == .replaced } }
    /// Articles written (ingested or replaced).
    public var articles: Int { written.reduce(0) { $0 + $1.articles } }
    /// Goals written.
    public var goals: Int { written.reduce(0) { $0 + $1.goals } }
}

/// Progress of a run, for a progress bar.
public struct IngestProgress: Sendable {
    public let filesDone: Int
    public let filesTotal: Int
    public let bytesDone: Int
    public let bytesTotal: Int
    public let seconds: Double
}

/// Ingests files and directories into a store, one transaction per file.
///
/// Files are read, hashed, decoded, parsed and extracted on worker threads
/// (one per core) while this thread writes them, in order, with one
/// connection. At most a few files per worker are in memory at once, so
/// memory follows the largest file, not the corpus.
public struct Ingestion {
    public let store: PolicyStore
    public var dryRun = false
    public var failFast = false
    /// Worker threads; by default one per core.
    public var workers = ProcessInfo.processInfo.activeProcessorCount

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
            // Paths below the directory as the user wrote it (SampleData/x.txt).
            var found: [String] = []
            let walker = manager.enumerator(atPath: path)
            while let relative = walker?.nextObject() as? String {
                let file = (path.hasSuffix("/") ? path : path + "/") + relative
                guard Self.ingestibleExtensions.contains(URL(fileURLWithPath: relative).pathExtension.lowercased()),
                      !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
                // Symbolic links to files count as the files.
                var isDirectory: ObjCBool = false
                if manager.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue {
                    found.append(file)
                }
            }
            files.append(contentsOf: found.sorted())
        }
        return files
    }

    /// Ingests every file; `report` is called after each file, in order.
    public func run(_ paths: [String], progress: (IngestProgress) -> Void = { _ in },
                    report: (FileOutcome) -> Void = { _ in }) throws -> IngestReport {
        let started = Date()
        let files = Self.expand(paths)
        let sizes = files.map { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0 }
        let bytesTotal = sizes.reduce(0, +)
        let preparer = IssuePreparer(gazetteer: try store.gazetteer())
        let known = try store.knownDigests()
        let pipeline = PreparationPipeline(files: files, preparer: preparer, known: known,
                                           workers: max(1, workers), window: max(2, workers) * 3)
        pipeline.start()
        defer { pipeline.cancel() }

        var result = IngestReport()
        var bytesDone = 0
        for index in files.indices {
            let outcome = write(pipeline.take(index), path: files[index])
            result.files.append(outcome)
            bytesDone += sizes[index]
            report(outcome)
            progress(IngestProgress(filesDone: index + 1, filesTotal: files.count, bytesDone: bytesDone,
                                    bytesTotal: bytesTotal, seconds: Date().timeIntervalSince(started)))
            if failFast && outcome.status == .failed { break }
        }
        if !dryRun && result.written.count > 0 {
            // Fold the write-ahead log into the database, so the file stands
            // alone when the run ends. Readers still in the log make this
            // wait (up to the busy timeout) or leave part of it for later.
            try? store.database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        result.seconds = Date().timeIntervalSince(started)
        return result
    }

    /// Writes one prepared file (or reports why there is nothing to write).
    func write(_ preparation: Preparation, path: String) -> FileOutcome {
        switch preparation {
        case .failed(let reason, let bytes):
            return FileOutcome(path: path, status: .failed, reason: reason, bytes: bytes)
        case .unchanged(let existing, let bytes):
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            return FileOutcome(path: path, status: .unchanged,
                               reason: existing == absolute ? nil : "same content as \(existing)", bytes: bytes)
        case .prepared(let prepared):
            do {
                if dryRun {
                    if let existing = try store.existingPath(sha256: prepared.sha256) {
                        return FileOutcome(path: path, status: .unchanged, reason: "same content as \(existing)",
                                           bytes: prepared.byteCount)
                    }
                    let replacing = try store.database.scalar("SELECT count(*) FROM issues WHERE source_path = ?",
                                                              [prepared.sourcePath]).int ?? 0
                    return FileOutcome(path: path, status: replacing > 0 ? .wouldReplace : .wouldIngest, prepared: prepared)
                }
                switch try store.write(prepared) {
                case .inserted: return FileOutcome(path: path, status: .ingested, prepared: prepared)
                case .replaced: return FileOutcome(path: path, status: .replaced, prepared: prepared)
                case .unchanged(let existing):
                    return FileOutcome(path: path, status: .unchanged, reason: "same content as \(existing)",
                                       bytes: prepared.byteCount)
                }
            } catch {
                return FileOutcome(path: path, status: .failed, reason: "\(error)", bytes: prepared.byteCount)
            }
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

/// The result of preparing one file on a worker.
enum Preparation: Sendable {
    case prepared(PreparedIssue)
    case unchanged(existingPath: String, bytes: Int)
    case failed(reason: String, bytes: Int)
}

/// Prepares files on worker threads, ahead of the writer but never more
/// than `window` files ahead, and hands them over in order.
///
/// `@unchecked Sendable`: every mutable property is read and written only
/// while `condition` is locked; the immutable ones are Sendable values.
final class PreparationPipeline: @unchecked Sendable {
    let files: [String]
    let preparer: IssuePreparer
    /// SHA-256 → source path of every issue in the database when the run began.
    let known: [String: String]
    let workers: Int
    let window: Int

    private let condition = NSCondition()
    private var next = 0
    private var taken = 0
    private var results: [Int: Preparation] = [:]
    private var cancelled = false
    private var running = 0

    init(files: [String], preparer: IssuePreparer, known: [String: String], workers: Int, window: Int) {
        self.files = files
        self.preparer = preparer
        self.known = known
        self.workers = workers
        self.window = window
    }

    func start() {
        for _ in 0..<min(workers, max(1, files.count)) {
            condition.lock()
            running += 1
            condition.unlock()
            let thread = Thread { [self] in work() }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Stops handing out files and waits for the workers to finish the ones
    /// they hold.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    /// The preparation of file `index`, waiting for it if needed. Files must
    /// be taken in order.
    func take(_ index: Int) -> Preparation {
        condition.lock()
        defer { condition.unlock() }
        while results[index] == nil { condition.wait() }
        let result = results.removeValue(forKey: index) ?? .failed(reason: "internal: lost", bytes: 0)
        taken = index + 1
        condition.broadcast()
        return result
    }

    private func work() {
        while true {
            condition.lock()
            while !cancelled && next < files.count && next - taken >= window { condition.wait() }
            guard !cancelled, next < files.count else {
                running -= 1
                condition.broadcast()
                condition.unlock()
                return
            }
            let index = next
            next += 1
            condition.unlock()

            let result = autoreleasepoolIfNeeded { prepare(files[index]) }

            condition.lock()
            results[index] = result
            condition.broadcast()
            condition.unlock()
        }
    }

    private func prepare(_ path: String) -> Preparation {
        let bytes: [UInt8]
        do {
            bytes = try Ingestion.read(path)
        } catch {
            return .failed(reason: "\(error)", bytes: 0)
        }
        let digest = SHA256.hex(bytes)
        if let existing = known[digest] { return .unchanged(existingPath: existing, bytes: bytes.count) }
        do {
            return .prepared(try preparer.prepare(path: path, bytes: bytes, sha256: digest))
        } catch {
            return .failed(reason: "\(error)", bytes: bytes.count)
        }
    }
}

@inline(__always)
func autoreleasepoolIfNeeded<T>(_ body: () -> T) -> T {
    #if canImport(ObjectiveC)
    return autoreleasepool(invoking: body)
    #else
    return body()
    #endif
}
