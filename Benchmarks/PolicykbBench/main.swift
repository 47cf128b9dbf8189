import Foundation
import PolicyCore
import PolicyExtraction

// policykb-bench: benchmarks, run from a release build and kept out of the
// test suite.
//
//   swift build -c release && .build/release/policykb-bench ingest [--mb 200] [--small-mb 50]
//   .build/release/policykb-bench search [--articles 100000]
//   .build/release/policykb-bench serve [--articles 100000] [--seconds 30] [--clients 8]
//   .build/release/policykb-bench lines --db DB [--bin .build/release/policykb] [--runs 15] [--only TEXT]
//   .build/release/policykb-bench load --source DB --target DB --tokenizer policykb|trigram

func option(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}


do {
    // The benchmarks open some databases with the SQLite layer directly:
    // their connections need the tokenizer too.
    try PolicyStore.registerExtension()
    switch CommandLine.arguments.dropFirst().first {
    case "ingest":
        var benchmark = IngestBenchmark()
        if let mb = option("--mb").flatMap(Double.init) { benchmark.megabytes = mb }
        if let mb = option("--small-mb").flatMap(Double.init) { benchmark.smallMegabytes = mb }
        if let dir = option("--work") { benchmark.workDirectory = dir }
        try benchmark.run()
    case "search":
        var benchmark = SearchBenchmark()
        if let count = option("--articles").flatMap(Int.init) { benchmark.articles = count }
        benchmark.checkExactness = !CommandLine.arguments.contains("--no-exactness")
        if let dir = option("--work") { benchmark.workDirectory = dir }
        try benchmark.run()
    case "serve":
        var benchmark = ServeBenchmark()
        if let count = option("--articles").flatMap(Int.init) { benchmark.articles = count }
        if let seconds = option("--seconds").flatMap(Double.init) { benchmark.seconds = seconds }
        if let clients = option("--clients").flatMap(Int.init) { benchmark.clients = clients }
        if let dir = option("--work") { benchmark.workDirectory = dir }
        try benchmark.run()
    case "lines":
        var benchmark = LinesBenchmark()
        benchmark.database = option("--db") ?? ""
        benchmark.binary = option("--bin")
        if let runs = option("--runs").flatMap(Int.init) { benchmark.runs = runs }
        benchmark.only = option("--only")
        try benchmark.run()
    case "load":
        guard let source = option("--source"), let target = option("--target") else {
            throw BenchError("load needs --source and --target")
        }
        try FTSLoad(source: source, target: target, tokenizer: option("--tokenizer") ?? "policykb").run()
    default:
        throw BenchError("usage: policykb-bench ingest [--mb 200] [--small-mb 50] [--work DIR] | search [--articles 100000] [--work DIR] | serve [--articles 100000] [--seconds 30] [--clients 8] [--work DIR] | lines --db DB [--bin policykb] [--runs 15]")
    }
} catch {
    FileHandle.standardError.write(Data("policykb-bench: \(error)\n".utf8))
    exit(1)
}
