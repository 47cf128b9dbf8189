import CorpusGenerator
import Foundation
import SQLiteDB

/// `policykb-bench ingest`: policykb's ingest against the floor SQLite sets.
///
/// On one generated corpus it measures, in the same run: `policykb ingest`
/// end to end (a child process, so its peak RSS is its own); the same
/// article texts inserted into a bare FTS5 table with policykb's tokenizer,
/// one transaction per file as policykb commits (the floor); the same into
/// an FTS5 trigram table. A second, smaller corpus shows whether peak memory
/// grows with the corpus.
struct IngestBenchmark {
    var megabytes = 200.0
    var smallMegabytes = 50.0
    var workDirectory = ".build/bench"
    var seed: UInt64 = 1

    func run() throws {
        let bench = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let policykb = bench.deletingLastPathComponent().appendingPathComponent("policykb").path
        guard FileManager.default.isExecutableFile(atPath: policykb) else {
            throw BenchError("\(policykb) is missing: run `swift build -c release` first")
        }
        try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
        let corpus = "\(workDirectory)/corpus-\(Int(megabytes))mb-seed\(seed)"
        let files = try generate(into: corpus, megabytes: megabytes)
        let small = "\(workDirectory)/corpus-\(Int(smallMegabytes))mb-seed\(seed)"
        try linkPrefix(of: files, into: small, megabytes: smallMegabytes)
        let (corpusBytes, fileCount) = directorySize(corpus)
        say(String(format: "corpus: %d files, %.1f MB (%@)", fileCount, Double(corpusBytes) / 1e6, corpus))

        var rows: [Row] = []
        let db = "\(workDirectory)/policykb.sqlite"
        remove(db)
        // Each run starts with no dirty pages of an earlier one being written back.
        sync()
        let ingest = try measure(policykb, ["ingest", corpus, "--db", db, "--quiet"])
        guard ingest.status == 0 else { throw BenchError("policykb ingest failed with status \(ingest.status)") }
        let articles = try Database(path: db, mode: .readOnly).scalar("SELECT count(*) FROM articles").int ?? 0
        rows.append(Row(name: "policykb ingest", bytes: corpusBytes, articles: articles, measurement: ingest,
                        size: databaseSize(db)))

        for tokenizer in ["policykb", "trigram"] {
            let target = "\(workDirectory)/\(tokenizer)-fts.sqlite"
            remove(target)
            sync()
            let load = try measure(bench.path, ["load", "--source", db, "--target", target, "--tokenizer", tokenizer])
            guard load.status == 0 else { throw BenchError("load into \(tokenizer) failed") }
            rows.append(Row(name: tokenizer == "policykb" ? "bare FTS5, policykb tokenizer (floor)" : "bare FTS5, trigram",
                            bytes: corpusBytes, articles: articles, measurement: load, size: databaseSize(target)))
        }

        let smallDB = "\(workDirectory)/policykb-small.sqlite"
        remove(smallDB)
        let (smallBytes, _) = directorySize(small)
        sync()
        let smallRun = try measure(policykb, ["ingest", small, "--db", smallDB, "--quiet"])
        let smallArticles = try Database(path: smallDB, mode: .readOnly).scalar("SELECT count(*) FROM articles").int ?? 0
        rows.append(Row(name: "policykb ingest, small corpus", bytes: smallBytes, articles: smallArticles,
                        measurement: smallRun, size: databaseSize(smallDB)))

        say("")
        say(Row.header)
        rows.forEach { say($0.line) }
        let floor = rows[1], trigram = rows[2]
        say("")
        say(String(format: "policykb ingest throughput / floor:      %.2f×  (target ≥ 0.6×)",
                     rows[0].megabytesPerSecond / floor.megabytesPerSecond))
        say(String(format: "policykb database size / trigram table: %.2f×  (target ≤ 1×)",
                     Double(rows[0].size) / Double(trigram.size)))
        say(String(format: "peak RSS: %.0f MB at %.0f MB of corpus, %.0f MB at %.0f MB (target < 300 MB, flat)",
                     Double(rows[0].measurement.peakRSSBytes) / 1e6, Double(corpusBytes) / 1e6,
                     Double(rows[3].measurement.peakRSSBytes) / 1e6, Double(smallBytes) / 1e6))
    }

    struct Row {
        let name: String
        let bytes: Int
        let articles: Int
        let measurement: Measurement
        let size: Int

        var megabytesPerSecond: Double { Double(bytes) / 1e6 / measurement.seconds }

        static let header = "run                                        seconds    MB/s  articles/s  peak RSS MB  database MB"
        var line: String {
            name.padding(toLength: 42, withPad: " ", startingAt: 0)
                + String(format: "%8.2f %7.2f %11.0f %12.1f %12.1f", measurement.seconds, megabytesPerSecond,
                         Double(articles) / measurement.seconds, Double(measurement.peakRSSBytes) / 1e6, Double(size) / 1e6)
        }
    }

    /// Writes the corpus unless a complete one is already there.
    func generate(into directory: String, megabytes: Double) throws -> [String] {
        let marker = directory + "/.complete"
        if FileManager.default.fileExists(atPath: marker) {
            return try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }.sorted()
        }
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let generator = CorpusGenerator(seed: seed)
        var bytes = 0
        var names: [String] = []
        while Double(bytes) < megabytes * 1e6 {
            let bulletin = generator.bulletin(names.count)
            let data = Data(bulletin.text.utf8)
            try data.write(to: URL(fileURLWithPath: directory).appendingPathComponent(bulletin.fileName))
            bytes += data.count
            names.append(bulletin.fileName)
        }
        // The marker says the corpus is complete; without it the next run
        // writes the corpus again, which is slower but not wrong.
        _ = FileManager.default.createFile(atPath: marker, contents: Data())
        return names
    }

    /// A corpus of the first files of `files`, as symbolic links.
    func linkPrefix(of files: [String], into directory: String, megabytes: Double) throws {
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let source = URL(fileURLWithPath: "\(workDirectory)/corpus-\(Int(self.megabytes))mb-seed\(seed)").standardizedFileURL.path
        var bytes = 0
        for name in files where Double(bytes) < megabytes * 1e6 {
            try FileManager.default.createSymbolicLink(atPath: "\(directory)/\(name)", withDestinationPath: "\(source)/\(name)")
            bytes += (try? FileManager.default.attributesOfItem(atPath: "\(source)/\(name)")[.size] as? Int) ?? 0
        }
    }

    func remove(_ db: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
    }
}

/// `policykb-bench load`: the article texts of a policykb database into a
/// bare FTS5 table, one transaction per source file.
struct FTSLoad {
    let source: String
    let target: String
    let tokenizer: String

    func run() throws {
        let db = try Database(path: target)
        try db.execute("PRAGMA journal_mode = WAL")
        try db.execute("PRAGMA synchronous = NORMAL")
        let tokenize = tokenizer == "trigram" ? "trigram" : "policykb"
        try db.execute("CREATE VIRTUAL TABLE f USING fts5(title, body, tokenize = '\(tokenize)')")
        try db.execute("ATTACH DATABASE ? AS source", [source])
        let issues = try db.rows("SELECT id FROM source.issues ORDER BY id").compactMap { $0[0].int64 }
        let insert = try db.prepare("INSERT INTO f (title, body) SELECT title, body FROM source.articles WHERE issue_id = ? ORDER BY position")
        for issue in issues {
            try db.transaction { try insert.execute([issue]) }
        }
        try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }
}
