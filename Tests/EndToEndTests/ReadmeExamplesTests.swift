import Foundation
import Testing

/// The README's examples run as written, so they cannot drift: every `$ `
/// line of its output blocks runs with bash, in order, in a folder where the
/// quickstart has been done (`policykb ingest SampleData` into
/// ./policykb.sqlite), and prints the lines the README shows under it. A
/// block the README marks `<!-- readme-test: skip (reason) -->` is left out.
@Suite struct ReadmeExamplesTests {
    struct Example {
        let line: Int
        let command: String
        let output: [String]
    }

    /// The `$ ` commands of README.md and the lines shown under each.
    static func examples(in readme: String) -> (run: [Example], skipped: [(line: Int, reason: String)]) {
        var run: [Example] = [], skipped: [(Int, String)] = []
        let lines = readme.components(separatedBy: "\n")
        var index = 0
        var skipReason: String?
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("<!-- readme-test: skip") {
                skipReason = line
                index += 1
                continue
            }
            if line.hasPrefix("```"), line != "```" {
                // A block in a language (```sh): instructions, not a session; skip to its end.
                index += 1
                while index < lines.count, lines[index] != "```" { index += 1 }
                index += 1
                skipReason = nil
                continue
            }
            guard line == "```" else {
                index += 1
                continue
            }
            // An output block: ``` with no language.
            var end = index + 1
            while end < lines.count, lines[end] != "```" { end += 1 }
            let block = Array(lines[(index + 1)..<min(end, lines.count)])
            if let reason = skipReason {
                if block.contains(where: { $0.hasPrefix("$ ") }) { skipped.append((index + 1, reason)) }
            } else {
                var k = 0
                while k < block.count {
                    guard block[k].hasPrefix("$ ") else { k += 1; continue }
                    let start = index + 2 + k
                    var command = String(block[k].dropFirst(2))
                    while command.hasSuffix("\\"), k + 1 < block.count {
                        k += 1
                        command = String(command.dropLast()) + " " + block[k].trimmingCharacters(in: .whitespaces)
                    }
                    k += 1
                    var output: [String] = []
                    while k < block.count, !block[k].hasPrefix("$ ") { output.append(block[k]); k += 1 }
                    run.append(Example(line: start, command: command, output: output))
                }
            }
            skipReason = nil
            index = end + 1
        }
        return (run, skipped)
    }

    /// Timings vary from run to run: `in 0.09 s` reads as `in N s`.
    static func normalised(_ text: String) -> [String] {
        // "\r\n" is one Character in Swift: split on it first.
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n").map { line -> String in
            var line = line
            while line.hasSuffix(" ") || line.hasSuffix("\r") { line.removeLast() }
            if let range = line.range(of: #"in [0-9.]+ s$"#, options: .regularExpression) {
                line.replaceSubrange(range, with: "in N s")
            }
            return line
        }
        while lines.last == "" { lines.removeLast() }
        return lines
    }

    @Test func everyExampleRunsAsTheReadmeShows() throws {
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let (examples, skipped) = Self.examples(in: readme)
        try #require(examples.count >= 8, "README.md should hold its examples; found \(examples.count)")
        #expect(skipped.count <= 2, "examples skipped: \(skipped)")
        let bash = try #require(CLI.which("bash"))
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("SampleData"),
                                                   withDestinationURL: CLI.packageRoot.appendingPathComponent("SampleData"))
        // The quickstart's first command, as the README says every example assumes.
        let setup = try CLI.run(["ingest", "SampleData", "--quiet"], in: dir)
        try #require(setup.status == 0, "\(setup.stderr)")
        let path = CLI.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        for example in examples {
            // stdout and stderr interleave as on a terminal.
            let result = try CLI.run(["-c", example.command + " 2>&1"], in: dir,
                                     environment: ["PATH": path, "COLUMNS": "", "NO_COLOR": "1"], executable: bash)
            let shown = Self.normalised(example.output.joined(separator: "\n"))
            let got = Self.normalised(result.stdout)
            // Issue.record, not #expect: the arrays' expansion hid the message.
            if got != shown { Issue.record("""
                README.md line \(example.line): \(example.command)
                --- README shows
                \(shown.joined(separator: "\n"))
                --- it printed
                \(got.joined(separator: "\n"))
                """) }
        }
    }
}
