import Foundation
import PolicyExtraction
import PolicykbDigest
import SQLiteDB

/// What happened to one file of an ingest run.
public struct FileOutcome: Sendable {
    public enum Status: String, Sendable {
        case ingested, replaced, unchanged, failed
        /// `--dry-run`: what would happen.
        case wouldIngest = "would_ingest", wouldReplace = "would_replace"
    }

    /// The path as the user gave it.
    public let path: String
    public let status: Status
    /// Why the file failed.
    public let error: IngestError?
    /// For an unchanged file: the path the same content was ingested from,
    /// when it is another file's.
    public let sameContentAs: String?
    public let publication: String?
    /// The issue's date as its period (`2025-10-08`, `2025-10`, `2025-Q3`, `2025`).
    public let issueDate: String?
    public let datePrecision: DatePrecision?
    public let issueNumber: Int?
    public let cumulativeNumber: Int?
    public let articles: Int
    public let goals: Int
    public let bytes: Int
    /// What the file's reading should tell the user (decoding, layout).
    public let warnings: [IngestWarning]

    init(_ file: SourceFile, status: Status, error: IngestError? = nil, sameContentAs: String? = nil,
         prepared: PreparedIssue? = nil, bytes: Int = 0) {
        path = file.path
        self.status = status
        self.error = error
        self.sameContentAs = sameContentAs == file.absolutePath ? nil : sameContentAs
        publication = prepared?.issue.publication
        issueDate = prepared.flatMap { issue in issue.issue.date.map(issue.issue.datePrecision.label) }
        datePrecision = prepared?.issue.date == nil ? nil : prepared?.issue.datePrecision
        issueNumber = prepared?.issue.number
        cumulativeNumber = prepared?.issue.cumulativeNumber
        articles = prepared?.articles.count ?? 0
        goals = prepared?.goalCount ?? 0
        self.bytes = prepared?.byteCount ?? bytes
        warnings = prepared?.issue.reading.warnings ?? []
    }

    /// Why the file failed, or which file it duplicates, in words.
    public var reason: String? {
        if let error { return error.description }
        return sameContentAs.map { "same content as \($0)" }
    }
}

/// A file a directory walk passed over, and why.
public struct SkippedFile: Sendable, Equatable {
    public let path: String
    public let reason: String
}

/// The files named for a run: those to ingest, in order, and those a
/// directory walk passed over.
public struct FileSelection: Sendable {
    public var files: [SourceFile] = []
    public var skipped: [SkippedFile] = []
}

public struct IngestReport: Sendable {
    /// One outcome per file tried, in order.
    public var files: [FileOutcome] = []
    /// Files found in the directories given but not ingestible.
    public var skipped: [SkippedFile] = []
    /// Files found but not tried: the run stopped first (`--fail-fast`, or
    /// interrupted).
    public var notTried = 0
    /// The run was asked to stop before it had tried every file.
    public var interrupted = false
    public var seconds: Double = 0

    public func count(_ status: FileOutcome.Status) -> Int { files.filter { $0.status == status }.count }
    public var failed: [FileOutcome] { files.filter { $0.status == .failed } }
    /// Files found: tried or not.
    public var filesFound: Int { files.count + notTried }
    var written: [FileOutcome] { files.filter { $0.status == .ingested || $0.status == .replaced } }
    /// Articles written (ingested or replaced), or that a dry run would write.
    public var articles: Int {
        files.filter { [.ingested, .replaced, .wouldIngest, .wouldReplace].contains($0.status) }.reduce(0) { $0 + $1.articles }
    }
    /// Goals written, or that a dry run would write.
    public var goals: Int {
        files.filter { [.ingested, .replaced, .wouldIngest, .wouldReplace].contains($0.status) }.reduce(0) { $0 + $1.goals }
    }
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

    /// File name extensions a directory walk picks up: bulletin text, PDF,
    /// web pages and JSON Lines. Not Markdown, though a Markdown export
    /// reads as a bulletin when named: folders of bulletins hold README.md. Files named on the command line are read whatever their
    /// name; their encoding is always told from the bytes.
    public static let ingestibleExtensions: Set<String> = ["txt", "text", "jsonl", "pdf", "html", "htm"]

    /// Files named by `paths`, directories expanded recursively to their
    /// ingestible files, each list in a stable (sorted) order; paths that
    /// do not exist are kept so that they are reported. Other files met in
    /// a directory are listed as skipped, with the reason; hidden files and
    /// folders (`.git`) are passed over without a word.
    public static func expand(_ paths: [String]) -> FileSelection {
        var selection = FileSelection()
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                selection.files.append(SourceFile(path: path))
                continue
            }
            // Paths below the directory as the user wrote it (SampleData/x.txt).
            var found: [String] = []
            var skipped: [SkippedFile] = []
            walk(path.hasSuffix("/") ? String(path.dropLast()) : path, found: &found, skipped: &skipped)
            selection.files.append(contentsOf: found.sorted().map(SourceFile.init(path:)))
            selection.skipped.append(contentsOf: skipped.sorted { $0.path < $1.path })
        }
        return selection
    }

    /// The files below `folder`, recursively: ingestible ones in `found`,
    /// others in `skipped` with the reason, and so are folders that cannot
    /// be read (never passed over in silence). Links to folders are not
    /// followed (a link may loop); links to files count as the files.
    static func walk(_ folder: String, found: inout [String], skipped: inout [SkippedFile]) {
        let manager = FileManager.default
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: folder)
        } catch {
            // The system's reason, not Foundation's English sentence.
            let reason = access(folder, R_OK | X_OK) != 0 ? "permission denied"
                : opendir(folder).map { closedir($0); return "it could not be listed" } ?? SystemReason.text()
            skipped.append(SkippedFile(path: folder + "/", reason: "folder cannot be read: " + reason))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let file = folder + "/" + name
            var info = stat()
            guard lstat(file, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                walk(file, found: &found, skipped: &skipped)
                continue
            }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let fileExtension = URL(fileURLWithPath: name).pathExtension.lowercased()
            if Self.ingestibleExtensions.contains(fileExtension) {
                found.append(file)
            } else {
                let kind = fileExtension.isEmpty ? "no extension" : ".\(fileExtension)"
                skipped.append(SkippedFile(path: file, reason: "\(kind): not one of " + Self.ingestibleExtensions
                    .sorted().map { "." + $0 }.joined(separator: ", ")))
            }
        }
    }

    /// Ingests every file; `report` is called after each file, in order.
    /// `shouldStop` is asked after each file: when it says yes, the run ends
    /// there, every file written so far whole, and the report says how
    /// many were not tried.
    public func run(_ paths: [String], progress: (IngestProgress) -> Void = { _ in },
                    shouldStop: () -> Bool = { false },
                    report: (FileOutcome) -> Void = { _ in }) throws -> IngestReport {
        let started = Date()
        let selection = Self.expand(paths)
        let files = selection.files
        let sizes = files.map { (try? FileManager.default.attributesOfItem(atPath: $0.path)[.size] as? Int) ?? 0 }
        let bytesTotal = sizes.reduce(0, +)
        let preparer = IssuePreparer(gazetteer: try store.gazetteer())
        let pipeline = PreparationPipeline(files: files, preparer: preparer, known: try store.knownDigests(),
                                           workers: max(1, workers), window: max(2, workers) * 3)
        pipeline.start()
        defer { pipeline.cancel() }

        var result = IngestReport(skipped: selection.skipped)
        var bytesDone = 0
        for (index, file) in files.enumerated() {
            let outcome = write(pipeline.take(index), file: file, preparer: preparer)
            result.files.append(outcome)
            bytesDone += sizes[index]
            report(outcome)
            progress(IngestProgress(filesDone: index + 1, filesTotal: files.count, bytesDone: bytesDone,
                                    bytesTotal: bytesTotal, seconds: Date().timeIntervalSince(started)))
            let stop = failFast && outcome.status == .failed
            if stop || shouldStop() {
                result.interrupted = !stop
                result.notTried = files.count - index - 1
                break
            }
        }
        if !dryRun && !result.written.isEmpty { store.checkpoint() }
        result.seconds = Date().timeIntervalSince(started)
        return result
    }

    /// Ingests texts held in memory, each as the file at its path
    /// (generated corpora, tests), on this thread.
    @discardableResult
    public func ingest(documents: [(path: String, text: String)]) throws -> [FileOutcome] {
        let preparer = IssuePreparer(gazetteer: try store.gazetteer())
        return documents.map { document in
            let file = SourceFile(path: document.path)
            return write(PreparationPipeline.prepare(file, bytes: Array(document.text.utf8), preparer: preparer),
                         file: file, preparer: preparer)
        }
    }

    /// Writes one prepared file, or reports why there is nothing to write.
    func write(_ preparation: Preparation, file: SourceFile, preparer: IssuePreparer) -> FileOutcome {
        let prepared: PreparedIssue
        switch preparation {
        case .failed(let error, let bytes):
            return FileOutcome(file, status: .failed, error: error, bytes: bytes)
        case .known(let sha256, let bytes):
            // Held when the run began; decide as for any file, and prepare
            // it after all in the rare case the database changed since.
            do {
                if case .unchanged(let existing) = try store.plan(sha256: sha256, sourcePath: file.absolutePath) {
                    return FileOutcome(file, status: .unchanged, sameContentAs: existing, bytes: bytes)
                }
            } catch {
                return FileOutcome(file, status: .failed, error: Self.databaseError(error), bytes: bytes)
            }
            return write(PreparationPipeline.prepare(file, preparer: preparer, known: [:]), file: file, preparer: preparer)
        case .prepared(let issue):
            prepared = issue
        }
        do {
            if dryRun {
                switch try store.plan(sha256: prepared.sha256, sourcePath: file.absolutePath) {
                case .unchanged(let existing):
                    return FileOutcome(file, status: .unchanged, sameContentAs: existing, bytes: prepared.byteCount)
                case .insert: return FileOutcome(file, status: .wouldIngest, prepared: prepared)
                case .replace: return FileOutcome(file, status: .wouldReplace, prepared: prepared)
                }
            }
            switch try store.write(prepared) {
            case .inserted: return FileOutcome(file, status: .ingested, prepared: prepared)
            case .replaced: return FileOutcome(file, status: .replaced, prepared: prepared)
            case .unchanged(let existing):
                return FileOutcome(file, status: .unchanged, sameContentAs: existing, bytes: prepared.byteCount)
            }
        } catch {
            return FileOutcome(file, status: .failed, error: Self.databaseError(error), bytes: prepared.byteCount)
        }
    }

    /// A write's failure as an ingest error: the store's operations throw
    /// SQLite's errors (or a row that does not decode).
    static func databaseError(_ error: any Error) -> IngestError {
        if let error = error as? SQLiteError { return .database(error) }
        return .store("\(error)")
    }

    /// The bytes of a regular file, refused before reading when it is not
    /// one or is larger than the limits allow.
    public static func readFile(_ path: String) throws(IngestError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw errno == ENOENT || errno == ENOTDIR ? .file(.notFound)
                : errno == EACCES ? .file(.permissionDenied) : .file(.unreadable(SystemReason.text()))
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: throw .file(.isDirectory)
        case S_IFREG: break
        default: throw .file(.notRegular)
        }
        let size = Int(info.st_size)
        // A PDF is told by its name here; one misnamed is held to the text
        // limit, which is the stricter.
        let limit = path.lowercased().hasSuffix(".pdf") ? IngestLimits.maxPDFBytes : IngestLimits.maxFileBytes
        guard size <= limit else { throw .file(.tooLarge(bytes: size)) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw errno == EACCES ? .file(.permissionDenied) : .file(.unreadable(SystemReason.text()))
        }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let got = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return systemRead(descriptor, base + done, size - done)
            }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw .file(.unreadable(SystemReason.text())) }
            if got == 0 { break }  // the file shrank while being read
            done += got
        }
        return done == size ? bytes : Array(bytes[..<done])
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif

/// The result of preparing one file on a worker.
enum Preparation: Sendable {
    case prepared(PreparedIssue)
    /// A digest the database held when the run began: not parsed.
    case known(sha256: String, bytes: Int)
    case failed(IngestError, bytes: Int)
}

/// Prepares files on worker threads, ahead of the writer but never more
/// than `window` files ahead, and hands them over in order.
///
/// `@unchecked Sendable`: every mutable property is read and written only
/// while `condition` is locked; the immutable ones are Sendable values.
final class PreparationPipeline: @unchecked Sendable {
    let files: [SourceFile]
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

    init(files: [SourceFile], preparer: IssuePreparer, known: [String: String], workers: Int, window: Int) {
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
        // `results[index]` is set: the loop above waits for it.
        let result = results.removeValue(forKey: index) ?? .failed(.file(.unreadable("no result")), bytes: 0)
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

            let result = autoreleasepoolIfNeeded { Self.prepare(files[index], preparer: preparer, known: known) }

            condition.lock()
            results[index] = result
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Reads, hashes and prepares one file; a file whose digest the
    /// database held when the run began is only hashed.
    static func prepare(_ file: SourceFile, preparer: IssuePreparer, known: [String: String]) -> Preparation {
        let bytes: [UInt8]
        do {
            bytes = try Ingestion.readFile(file.path)
        } catch {
            return .failed(error, bytes: 0)
        }
        let digest = SHA256.hex(bytes)
        if known[digest] != nil { return .known(sha256: digest, bytes: bytes.count) }
        return prepare(file, bytes: bytes, sha256: digest, preparer: preparer)
    }

    static func prepare(_ file: SourceFile, bytes: [UInt8], sha256: String? = nil, preparer: IssuePreparer) -> Preparation {
        do {
            return .prepared(try preparer.prepare(file, bytes: bytes, sha256: sha256))
        } catch {
            return .failed(error, bytes: bytes.count)
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
