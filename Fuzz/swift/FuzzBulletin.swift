// libFuzzer target: decoding and parsing a bulletin, as ingest reads a text
// file: TextDecoder.decodeTolerantly (UTF-8, UTF-16, GB18030, repairs) then
// BulletinParser().parse.
//
// Invariants: a decoded text with a letter in it parses (the parser refuses
// only a text with nothing readable); articles are numbered 1, 2, 3...;
// every line number (articles, cuts) is a line of the text, and a cut's
// first line is not after its last.
import Foundation
import PolicyExtraction

/// Stops with the message in every build: `precondition` drops its message under -O.
private func require(_ condition: Bool, _ message: @autoclosure () -> String, line: UInt = #line) {
    if !condition { fatalError("invariant broken: \(message())", line: line) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBulletin(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let decoded: DecodedText
    do {
        decoded = try TextDecoder.decodeTolerantly(bytes)
    } catch {
        _ = error.description
        return 0
    }
    let text = decoded.text
    let issue: ParsedIssue
    do {
        issue = try BulletinParser().parse(text)
    } catch {
        require(!text.contains(where: \.isLetter), "a text with letters refused: \(error)")
        return 0
    }
    // Lines as the parser counts them: split at LF, a final LF ending the last line.
    let lineCount = text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    for (index, article) in issue.articles.enumerated() {
        require(article.position == index + 1, "article \(index + 1) has position \(article.position)")
        if let line = article.line {
            require(line >= 1 && line <= lineCount, "article \(index + 1) at line \(line) of \(lineCount)")
        }
    }
    for cut in issue.reading.cuts {
        require(cut.firstLine >= 1 && cut.firstLine <= cut.lastLine && cut.lastLine <= lineCount,
                     "cut \(cut.kind) at lines \(cut.firstLine)-\(cut.lastLine) of \(lineCount)")
    }
    return 0
}
