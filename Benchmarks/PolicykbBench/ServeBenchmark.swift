import Foundation
import PolicyCore
import PolicyExtraction
#if canImport(Glibc)
import Glibc
#endif

/// `policykb-bench serve`: the load test of `policykb serve`. Eight clients,
/// each on its own keep-alive connection to 127.0.0.1, replay the search
/// benchmark's queries against `/api/search` (top 20 with snippets and the
/// total, as the in-process benchmark measures) for 30 s, bounded in time
/// and in count. Reported beside the same queries run in process, alone
/// and by eight threads at once: on a 2-core machine eight clients queue
/// for two cores, so the like-for-like comparison of the server's own
/// overhead is eight against eight (and one against one).
struct ServeBenchmark {
    var articles = 100_000
    var workDirectory = ".build/bench"
    var seconds = 30.0
    var clients = 8
    /// A bound on requests whatever the time: 30 s at 20,000 requests/s.
    var maxRequests = 600_000

    struct Run {
        var latencies: [Double] = []
        var errors = 0
        var seconds = 0.0
        var firstError: String?

        func percentile(_ p: Double) -> Double {
            let sorted = latencies.sorted()
            guard !sorted.isEmpty else { return .nan }
            return sorted[min(sorted.count - 1, max(0, Int((Double(sorted.count) * p).rounded(.up)) - 1))]
        }

        var rate: Double { Double(latencies.count) / seconds }

        func line(_ name: String) -> String {
            String(format: "%@ p50 %6.2f ms  p99 %7.2f ms  %7.0f requests/s  %7d requests  %d errors",
                   name.padding(toLength: 34, withPad: " ", startingAt: 0), percentile(0.5), percentile(0.99), rate,
                   latencies.count, errors)
        }
    }

    func run() throws {
        var search = SearchBenchmark()
        search.articles = articles
        search.workDirectory = workDirectory
        let db = "\(workDirectory)/search.sqlite"
        try search.prepareDatabase(db)
        let count = try PolicyStore(path: db, access: .read).database.scalar("SELECT count(*) FROM articles").int ?? 0
        say("database: \(count) articles, \(String(format: "%.0f", Double(databaseSize(db)) / 1e6)) MB (\(db))")
        let queries = SearchBenchmark.queries
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let paths = queries.map { "/api/search?limit=20&q=" + ($0.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "") }

        // In process: the same requests the server makes, on connections of one's own.
        let oneThread = try closedLoop(threads: 1, seconds: min(seconds, 10)) {
            let store = try PolicyStore(path: db, access: .read)
            let requests = try queries.map { SearchRequest(query: try SearchQuery.parse($0), limit: 20) }
            return { index in _ = try store.search(requests[index % requests.count]) }
        }
        let eightThreads = try closedLoop(threads: clients, seconds: min(seconds, 10)) {
            let store = try PolicyStore(path: db, access: .read)
            let requests = try queries.map { SearchRequest(query: try SearchQuery.parse($0), limit: 20) }
            return { index in _ = try store.search(requests[index % requests.count]) }
        }

        // The server, as a user starts it: first rendering every request
        // (--cache-entries 0), then with its answer cache (the default),
        // which the warm-up pass fills with the whole query list.
        let rendering = try serverRuns(database: db, paths: paths, cacheEntries: 0)
        let caching = try serverRuns(database: db, paths: paths, cacheEntries: nil)

        say("")
        say("\(queries.count) queries (the search benchmark's), top 20 with snippets and the total, replayed in a closed loop:")
        say(oneThread.line("in process, 1 thread"))
        say(eightThreads.line("in process, \(clients) threads"))
        for (name, runs) in [("no cache", rendering), ("cache", caching)] {
            say(runs.oneClient.line("HTTP, \(name), 1 client"))
            say(runs.load.line("HTTP, \(name), \(clients) clients, \(Int(seconds)) s"))
            if let error = runs.load.firstError ?? runs.oneClient.firstError { say("first error: \(error)") }
        }
        say("")
        for (name, runs) in [("no cache", rendering), ("cache", caching)] {
            say(String(format: "%@: %d clients' HTTP p50 is %.2f× the in-process (1 thread) p50 (target ≤ 2×), %.2f× the in-process p50 with %d threads",
                       name, clients, runs.load.percentile(0.5) / oneThread.percentile(0.5),
                       runs.load.percentile(0.5) / eightThreads.percentile(0.5), clients))
            say(String(format: "%@: 1 client's HTTP p50 is %.2f× the in-process p50",
                       name, runs.oneClient.percentile(0.5) / oneThread.percentile(0.5)))
        }
        let errors = [rendering, caching].reduce(0) { $0 + $1.load.errors + $1.oneClient.errors }
        say("errors: \(errors); server stopped on SIGINT with status \(rendering.stopped), \(caching.stopped)")
        if errors > 0 { throw BenchError("the load test had errors") }
    }

    /// One client, then `clients` clients, against `policykb serve` started
    /// for them (with `--cache-entries` when given) and stopped with SIGINT.
    func serverRuns(database: String, paths: [String],
                    cacheEntries: Int?) throws -> (oneClient: Run, load: Run, stopped: Int32) {
        let server = try ServerProcess(database: database, extraArguments: cacheEntries.map { ["--cache-entries", "\($0)"] } ?? [])
        defer { server.stop() }
        say("policykb serve on 127.0.0.1:\(server.port) (pid \(server.pid))\(cacheEntries.map { ", --cache-entries \($0)" } ?? "")")
        let warm = try LoopbackHTTPConnection(port: server.port)
        for path in paths {
            let (status, _) = try warm.get(path)
            guard status == 200 else { throw BenchError("\(path): status \(status)") }
        }
        let port = server.port
        let oneClient = try closedLoop(threads: 1, seconds: min(seconds, 10)) {
            let connection = try LoopbackHTTPConnection(port: port)
            return { index in
                let (status, _) = try connection.get(paths[index % paths.count])
                if status != 200 { throw BenchError("status \(status)") }
            }
        }
        let load = try closedLoop(threads: clients, seconds: seconds) {
            let connection = try LoopbackHTTPConnection(port: port)
            return { index in
                let (status, _) = try connection.get(paths[index % paths.count])
                if status != 200 { throw BenchError("status \(status)") }
            }
        }
        return (oneClient, load, server.stop())
    }

    /// `threads` workers, each made by `setUp` on its own thread, call their
    /// work function with a running index (each starting at a different
    /// query) until `seconds` pass or `maxRequests` are done in all.
    func closedLoop(threads: Int, seconds: Double,
                    setUp: @escaping @Sendable () throws -> (Int) throws -> Void) throws -> Run {
        let state = LoopState(bound: maxRequests)
        let group = DispatchGroup()
        let start = DispatchTime.now().uptimeNanoseconds
        let deadline = start + UInt64(seconds * 1e9)
        for worker in 0..<threads {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                var latencies: [Double] = []
                var errors = 0
                var firstError: String?
                do {
                    let work = try setUp()
                    var index = worker * 5
                    while DispatchTime.now().uptimeNanoseconds < deadline, state.claim() {
                        let started = DispatchTime.now().uptimeNanoseconds
                        do {
                            try work(index)
                            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6)
                        } catch {
                            errors += 1
                            firstError = firstError ?? "\(error)"
                            if errors > 100 { break }
                        }
                        index += 1
                    }
                } catch {
                    errors += 1
                    firstError = "\(error)"
                }
                state.add(latencies, errors: errors, firstError: firstError)
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
        var run = state.result()
        run.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return run
    }
}

/// What the workers of one closed loop share: the request count (the
/// bound) and, at the end, their measurements.
///
/// `@unchecked Sendable` is safe: every access to `run` and `done` is under
/// `lock`.
private final class LoopState: @unchecked Sendable {
    private let lock = NSLock()
    private var run = ServeBenchmark.Run()
    private var done = 0
    private let bound: Int

    init(bound: Int) {
        self.bound = bound
    }

    /// Takes one request of the bound; false when it is used up.
    func claim() -> Bool {
        lock.withLock {
            done += 1
            return done <= bound
        }
    }

    func add(_ latencies: [Double], errors: Int, firstError: String?) {
        lock.withLock {
            run.latencies += latencies
            run.errors += errors
            run.firstError = run.firstError ?? firstError
        }
    }

    func result() -> ServeBenchmark.Run {
        lock.withLock { run }
    }
}

/// `policykb serve --port 0` started beside this benchmark; the port it
/// prints is read from its standard output.
final class ServerProcess {
    let process = Process()
    let port: UInt16
    var pid: Int32 { process.processIdentifier }
    private var stoppedStatus: Int32?

    init(database: String, extraArguments: [String] = []) throws {
        let bench = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let policykb = bench.deletingLastPathComponent().appendingPathComponent("policykb")
        // policykb serve runs the server program beside it.
        for program in [policykb, bench.deletingLastPathComponent().appendingPathComponent("policykb-serve")] {
            guard FileManager.default.isExecutableFile(atPath: program.path) else {
                throw BenchError("\(program.path) is missing: run `swift build -c release` first")
            }
        }
        process.executableURL = policykb
        process.arguments = ["serve", "--db", database, "--port", "0"] + extraArguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        // "policykb serve: http://127.0.0.1:PORT/ (Ctrl-C stops)"
        var line = Data()
        let handle = out.fileHandleForReading
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = handle.availableData
            if chunk.isEmpty { throw BenchError("policykb serve exited before listening") }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let portText = text.split(separator: ":").last?.prefix(while: \.isNumber), let port = UInt16(portText) else {
            throw BenchError("cannot read the port from: \(text)")
        }
        self.port = port
    }

    /// SIGINT, as Ctrl-C sends, then the exit status (0 when it stopped cleanly).
    @discardableResult
    func stop() -> Int32 {
        if let stoppedStatus { return stoppedStatus }
        if process.isRunning { kill(process.processIdentifier, SIGINT) }
        process.waitUntilExit()
        stoppedStatus = process.terminationStatus
        return process.terminationStatus
    }
}
