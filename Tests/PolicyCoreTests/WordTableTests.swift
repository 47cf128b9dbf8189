import Foundation
import PolicykbTestSupport
import Testing

/// Words live in tables, never as literals in rule code (issue 21): every
/// string or character literal holding a Han character under
/// Sources/PolicyExtraction/Extraction stands in a word-table file (one
/// whose name ends in `Words.swift`) or in the rules' example sentences.
/// Comments may quote Chinese examples.
@Suite struct WordTableTests {
    static let extraction = TestPaths.packageRoot.appendingPathComponent("Sources/PolicyExtraction/Extraction")

    /// The places Chinese text belongs: word tables, and the rule catalogue,
    /// whose examples are data (`Rules/ExtractionRules.swift`, or a file of
    /// examples of its own).
    static func isWordTable(_ file: String) -> Bool {
        let name = (file as NSString).lastPathComponent
        return name.hasSuffix("Words.swift") || name.hasSuffix("Examples.swift") || file == "Rules/ExtractionRules.swift"
    }

    @Test func ruleCodeHoldsNoChineseLiteral() throws {
        let files = FileManager.default.enumerator(atPath: Self.extraction.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }.sorted() ?? []
        #expect(files.count > 5, "no sources read under \(Self.extraction.path)")
        #expect(files.contains { Self.isWordTable($0) }, "no word table found")
        var found: [String] = []
        for file in files where !Self.isWordTable(file) {
            let text = try String(contentsOf: Self.extraction.appendingPathComponent(file), encoding: .utf8)
            for literal in SwiftLiterals.strings(in: text) where literal.text.unicodeScalars.contains(where: SwiftLiterals.isHan) {
                found.append("\(file):\(literal.line): \(literal.text)")
            }
        }
        #expect(found.isEmpty, "Chinese literals outside the word tables:\n\(found.joined(separator: "\n"))")
    }

    /// The scanner itself: literals found, comments and interpolations read right.
    @Test func scannerFindsLiteralsNotComments() {
        let source = """
        // 注释里的"年"不算
        let a = "年" /* 块注释"月" */ + "x\\"日\\""
        let b = "\\(f("底"))末"
        /// 文档注释 "前"
        let c = \"\"\"
            多行
            \"\"\"
        """
        let literals = SwiftLiterals.strings(in: source)
        #expect(literals.map(\.line) == [2, 2, 3, 3, 5])
        #expect(literals.filter { $0.text.unicodeScalars.contains(where: SwiftLiterals.isHan) }.count == 5)
        #expect(!literals.contains { $0.text.contains("月") || $0.text.contains("前") || $0.text.contains("不算") })
    }
}

/// A small Swift lexer: the string literals of a source file (with the line
/// they start on), comments skipped; an interpolation's own literals are
/// listed on their own.
enum SwiftLiterals {
    struct Literal {
        var text: String
        var line: Int
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF: true
        default: false
        }
    }

    static func strings(in source: String) -> [Literal] {
        let s = Array(source.unicodeScalars)
        var literals: [Literal] = []
        var line = 1
        var i = 0
        func at(_ k: Int) -> Unicode.Scalar? { k < s.count ? s[k] : nil }
        /// Reads a literal opening at `i` (its quote or quotes), to its close.
        func readString() {
            let multiline = at(i + 1) == "\"" && at(i + 2) == "\""
            let startLine = line
            i += multiline ? 3 : 1
            var text = ""
            while i < s.count {
                let c = s[i]
                if multiline ? (c == "\"" && at(i + 1) == "\"" && at(i + 2) == "\"") : c == "\"" {
                    i += multiline ? 3 : 1
                    break
                }
                if c == "\n" { line += 1 }
                if c == "\\", at(i + 1) == "(" {
                    // An interpolation: code, whose own literals are read as such.
                    i += 2
                    var depth = 1
                    while i < s.count, depth > 0 {
                        if s[i] == "\"" { readString(); continue }
                        if s[i] == "(" { depth += 1 }
                        if s[i] == ")" { depth -= 1 }
                        if s[i] == "\n" { line += 1 }
                        i += 1
                    }
                    continue
                }
                if c == "\\", let next = at(i + 1) {
                    text.unicodeScalars.append(next)
                    i += 2
                    continue
                }
                text.unicodeScalars.append(c)
                i += 1
            }
            literals.append(Literal(text: text, line: startLine))
        }
        while i < s.count {
            let c = s[i]
            if c == "\n" { line += 1; i += 1; continue }
            if c == "/", at(i + 1) == "/" {
                while i < s.count, s[i] != "\n" { i += 1 }
                continue
            }
            if c == "/", at(i + 1) == "*" {
                i += 2
                while i < s.count, !(s[i] == "*" && at(i + 1) == "/") {
                    if s[i] == "\n" { line += 1 }
                    i += 1
                }
                i += 2
                continue
            }
            if c == "\"" { readString(); continue }
            i += 1
        }
        return literals
    }
}
