import Foundation
import PolicykbFTS5

extension String {
    /// The text with every white-space character removed.
    public var removingWhitespace: String {
        String(unicodeScalars.filter { !$0.properties.isWhitespace })
    }

    /// A key for comparing titles written by different hands: compatibility
    /// forms folded (full-width to half-width), white space removed, dashes,
    /// brackets, colons and quotes unified.
    public var comparisonKey: String {
        var out = String.UnicodeScalarView()
        for scalar in precomposedStringWithCompatibilityMapping.unicodeScalars {
            if scalar.properties.isWhitespace { continue }
            switch scalar {
            case "-", "–", "—", "―", "－", "‐", "‑", "‒", "─", "~", "～": out.append("—")
            case "(", "（", "[", "［", "【": out.append("(")
            case ")", "）", "]", "］", "】": out.append(")")
            case ":", "：": out.append(":")
            case "“", "”", "\"", "「", "」", "‘", "’", "'": out.append("\"")
            case ",", "，": out.append(",")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Text as the search index sees it (see `policykb_fold` in
    /// PolicykbFTS5): full-width ASCII folded, Latin lower-cased, white space
    /// between two CJK characters removed. A substring test on folded text is
    /// what a phrase query must reproduce.
    public var searchFolded: String {
        var copy = self
        return copy.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress else { return "" }
            var count: Int32 = 0
            guard let folded = base.withMemoryRebound(to: CChar.self, capacity: bytes.count, {
                policykb_fold($0, Int32(bytes.count), &count)
            }) else { return self }
            defer { policykb_free(folded) }
            return String(decoding: UnsafeRawBufferPointer(start: folded, count: Int(count)), as: UTF8.self)
        }
    }
}

extension Unicode.Scalar {
    /// A CJK ideograph (the ranges the tokenizer treats as CJK, kana and
    /// Hangul aside).
    public var isHan: Bool {
        switch value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x3FFFF, 0xF900...0xFAFF, 0x3007: true
        default: false
        }
    }
}

extension Character {
    public var isHan: Bool { unicodeScalars.first?.isHan ?? false }
}
