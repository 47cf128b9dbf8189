import Foundation

/// Why a PDF's text could not be had.
public enum PDFTextError: Error, Equatable, CustomStringConvertible {
    case toolMissing
    case failed(String)

    public var description: String {
        switch self {
        case .toolMissing:
            "PDF input needs pdftotext, which is not installed: install poppler-utils (apt-get install poppler-utils)"
        case .failed(let why):
            "pdftotext could not read the PDF: \(why)"
        }
    }
}

/// The text layer of a PDF, through poppler's `pdftotext` (found on PATH
/// when needed, so that the tool is only required for PDF input). The
/// text then goes through the same parser as any bulletin.
public enum PDFText {
    /// Whether `bytes` start like a PDF, whatever the file is called.
    public static func isPDF(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: Array("%PDF-".utf8))
    }

    /// The `pdftotext` executable on PATH, if any.
    public static var tool: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/pdftotext"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Extracts the text of the PDF `bytes` in reading order, pages
    /// separated by a blank line.
    public static func extract(_ bytes: [UInt8]) throws(PDFTextError) -> String {
        guard let tool else { throw .toolMissing }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-q", "-enc", "UTF-8", "-eol", "unix", "-", "-"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw .failed("cannot run \(tool): \(error.localizedDescription)")
        }
        // Feed stdin from another thread so a large PDF cannot deadlock on
        // a full output pipe.
        let writer = input.fileHandleForWriting
        let data = Data(bytes)
        let feeding = Thread {
            try? writer.write(contentsOf: data)
            try? writer.close()
        }
        feeding.start()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let why = String(decoding: message, as: UTF8.self).split(separator: "\n").first.map(String.init)
            throw .failed(why ?? "exit status \(process.terminationStatus)")
        }
        // Form feeds end pages.
        return withoutRunningLines(String(decoding: text, as: UTF8.self))
    }

    /// How many lines at the top and at the bottom of a page may be its
    /// running header or footer.
    static let runningZone = 3

    /// The text of pages (ended by form feeds) without their running
    /// headers and footers, pages apart by a blank line. A running line is
    /// one that stands among the first or last three lines of at least half
    /// the pages (two at least), numbers aside: the periodical's name, a page
    /// number (`3/12`, `— 3 —`), the date and address a browser prints.
    /// The line must stand in the same place (the first, the second, the
    /// last line…) on each of those pages, so that the masthead under a
    /// header that repeats the periodical's name stays, and a line of text
    /// that happens to open several pages does too.
    /// - Complexity: O(n) in the length of the text.
    static func withoutRunningLines(_ text: String) -> String {
        var pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map {
            $0.split(separator: "\n", omittingEmptySubsequences: false)
        }
        while let last = pages.last, last.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { pages.removeLast() }
        /// The lines that may be running ones, each with its place: `T0`
        /// the first line with text, `B0` the last.
        func edges(_ lines: [Substring]) -> [(line: Int, key: String)] {
            // A source line or a sentence may end many pages, and is text.
            let filled = lines.indices.filter { index in
                let line = lines[index].trimmingWhitespace()
                return !line.isEmpty && line.unicodeScalars.count <= 160 && BodyLine.splitSource(line) == nil
                    && !BulletinParser.endsSentence(line)
            }
            var zone: [(line: Int, key: String)] = []
            for (place, line) in filled.prefix(runningZone).enumerated() { zone.append((line, "T\(place)\t" + runningKey(lines[line]))) }
            for (place, line) in filled.reversed().prefix(runningZone).enumerated() {
                zone.append((line, "B\(place)\t" + runningKey(lines[line])))
            }
            return zone
        }
        if pages.count >= 2 {
            // A running line stands in the same place on every page it is on.
            var pagesWith: [String: Int] = [:]
            let zones = pages.map(edges)
            for zone in zones {
                for key in Set(zone.map(\.key)) { pagesWith[key, default: 0] += 1 }
            }
            let needed = max(2, (pages.count + 1) / 2)
            for (index, zone) in zones.enumerated() {
                for (line, key) in zone where (pagesWith[key] ?? 0) >= needed { pages[index][line] = "" }
            }
        }
        return pages.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
    }

    /// A line as it repeats from page to page: spaces gone, every run of
    /// digits one `#`.
    static func runningKey(_ line: Substring) -> String {
        var key = String.UnicodeScalarView()
        var inNumber = false
        for scalar in line.unicodeScalars where !scalar.properties.isWhitespace {
            let digit = ("0"..."9").contains(scalar)
            if digit, inNumber { continue }
            inNumber = digit
            key.append(digit ? "#" : scalar)
        }
        return String(key)
    }
}
