import CorpusGenerator
import Foundation

// policykb-corpus: writes a generated corpus of bulletins for scale tests
// and benchmarks. Kept out of policykb's own commands.
//
//   policykb-corpus --out DIR (--files N | --mb M) [--seed S] [--jsonl K] [--series LINES]

func usage() -> Never {
    FileHandle.standardError.write(Data("""
        usage: policykb-corpus --out DIR (--files N | --mb MEGABYTES | --series LINES) [--seed S] [--jsonl K]
          Writes bulletin-NNNNNN.txt files in the layout of PDF-extracted policy news, deterministic
          from the seed (default 1), and K JSON Lines files of 50 articles each.
          --series LINES also writes series-*.txt, the issues of two periodicals (one in traditional
          script) in which LINES targets (at most \(SeriesGenerator.maximumLines)) are set, copied,
          raised, firmed up, moved, superseded, met or missed, and series.gold.json, their stories,
          lines and events.

        """.utf8))
    exit(2)
}

let arguments = Array(CommandLine.arguments.dropFirst())
func value(_ name: String, in arguments: [String] = arguments) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
guard let out = value("--out") else { usage() }
let files = value("--files").flatMap(Int.init)
let megabytes = value("--mb").flatMap(Double.init)
let series = value("--series").flatMap(Int.init)
guard files != nil || megabytes != nil || series != nil else { usage() }
if let series, !(1...SeriesGenerator.maximumLines).contains(series) { usage() }
let seed = value("--seed").flatMap(UInt64.init) ?? 1
let jsonl = value("--jsonl").flatMap(Int.init) ?? 0

let generator = CorpusGenerator(seed: seed)
do {
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    var written = 0, bytes = 0, articles = 0
    while files != nil || megabytes != nil {
        if let files, written >= files { break }
        if let megabytes, Double(bytes) >= megabytes * 1_000_000 { break }
        let bulletin = generator.bulletin(written)
        let data = Data(bulletin.text.utf8)
        try data.write(to: URL(fileURLWithPath: out).appendingPathComponent(bulletin.fileName))
        written += 1
        bytes += data.count
        articles += bulletin.titles.count
    }
    for index in 0..<jsonl {
        let text = generator.jsonLines(index, count: 50)
        try Data(text.utf8).write(to: URL(fileURLWithPath: out).appendingPathComponent(String(format: "articles-%04d.jsonl", index)))
        bytes += text.utf8.count
        articles += 50
    }
    if let series {
        let generated = SeriesGenerator(seed: seed, lineCount: series).generate()
        for bulletin in generated.bulletins {
            let data = Data(bulletin.text.utf8)
            try data.write(to: URL(fileURLWithPath: out).appendingPathComponent(bulletin.fileName))
            written += 1
            bytes += data.count
            articles += bulletin.titles.count
        }
        try Data(generated.goldJSON.utf8).write(to: URL(fileURLWithPath: out).appendingPathComponent("series.gold.json"))
    }
    print("wrote \(written) bulletins\(jsonl > 0 ? " and \(jsonl) JSON Lines files" : ""), \(articles) articles, \(String(format: "%.1f", Double(bytes) / 1_000_000)) MB to \(out)")
} catch {
    FileHandle.standardError.write(Data("policykb-corpus: \(error)\n".utf8))
    exit(1)
}
