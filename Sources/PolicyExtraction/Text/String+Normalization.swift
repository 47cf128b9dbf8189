import CScriptFold
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PolicykbText

extension Unicode.Scalar {
    /// White space, decided by a switch rather than a Unicode property
    /// look-up: this runs for every character of every ingested file.
    @inline(__always)
    public var isSpace: Bool {
        switch value {
        case 0x20, 0x09...0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            true
        default:
            false
        }
    }

    /// Whether NFKC could change this character: compatibility forms,
    /// ligatures, circled and full-width characters, combining marks.
    @inline(__always)
    var mayChangeUnderNFKC: Bool {
        switch value {
        case 0x00A0...0x00BF, 0x0300...0x036F, 0x1100...0x11FF, 0x2000...0x200F, 0x2024...0x2026, 0x2033...0x2BFF,
             0x2E80...0x2FDF, 0x3099...0x309C,
             0x3131...0x33FF, 0xF900...0xFAFF, 0xFB00...0xFB4F, 0xFE10...0xFE4F, 0xFE50...0xFE6F, 0xFF00...0xFFEF,
             0x1D400...0x1D7FF, 0x1F100...0x1F1FF, 0x2F800...0x2FA1F:
            true
        default:
            false
        }
    }
}

extension String {
    /// The text with every white-space character removed.
    public var removingWhitespace: String {
        // Most lines of Chinese text hold no white space at all.
        guard unicodeScalars.contains(where: \.isSpace) else { return self }
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars where !scalar.isSpace { out.append(scalar) }
        return String(out)
    }

    /// A key for comparing titles written by different hands: compatibility
    /// forms folded (full-width to half-width), white space removed, dashes,
    /// brackets, colons and quotes unified.
    /// - Complexity: O(n); NFKC (through Foundation) only for text that
    ///   holds a character it could change.
    public var comparisonKey: String {
        // Ideographs, Latin letters and digits stand for themselves: most
        // section names and many titles are nothing else.
        if unicodeScalars.allSatisfy({ (0x4E00...0x9FFF).contains($0.value) || $0.isASCIIAlphanumeric }) { return self }
        // Full-width ASCII (U+FF01–FF5E), which most titles hold in their
        // brackets and colons, NFKC maps 0xFEE0 lower: done here, so that
        // only rarer compatibility forms need Foundation's NFKC.
        let fullWidth: ClosedRange<UInt32> = 0xFF01...0xFF5E
        let source = unicodeScalars.contains(where: { $0.mayChangeUnderNFKC && !fullWidth.contains($0.value) })
            ? precomposedStringWithCompatibilityMapping.unicodeScalars : unicodeScalars
        var out = String.UnicodeScalarView()
        for original in source {
            let scalar = fullWidth.contains(original.value) ? Unicode.Scalar(original.value - 0xFEE0) ?? original : original
            if scalar.isSpace { continue }
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
    public var searchFolded: String { SearchFolding(self).folded }
}

/// Folded text, in UTF-8, with the origin of every folded byte in the
/// original text, so that a match found in folded text can be marked in the
/// original.
public struct SearchFolding: Sendable {
    /// The folded text's UTF-8.
    public let utf8: [UInt8]
    /// For each byte of `utf8`, the offset in the original's UTF-8 of the
    /// first byte of the character it came from; empty when not asked for.
    public let origins: [Int32]

    public var folded: String { String(decoding: utf8, as: UTF8.self) }

    /// - Parameter keepScript: leave traditional characters as they are
    ///   (an exact-script search), rather than folding them to simplified.
    /// - Complexity: O(n) in the length of `text`.
    public init(_ text: String, origins wantOrigins: Bool = true, keepScript: Bool = false) {
        var copy = text
        var result: ([UInt8], [Int32]) = ([], [])
        copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            var count: Int32 = 0
            var byteOrigins: UnsafeMutablePointer<Int32>?
            guard let folded = base.withMemoryRebound(to: CChar.self, capacity: bytes.count, {
                let flags: Int32 = keepScript ? POLICYKB_FOLD_KEEP_SCRIPT : 0
                return wantOrigins ? policykb_fold_with($0, Int32(bytes.count), flags, &count, &byteOrigins)
                    : policykb_fold_with($0, Int32(bytes.count), flags, &count, nil)
            }) else { return }
            defer {
                policykb_free(folded)
                policykb_free(byteOrigins)
            }
            let length = Int(count)
            let foldedBytes = folded.withMemoryRebound(to: UInt8.self, capacity: length) {
                Array(UnsafeBufferPointer(start: $0, count: length))
            }
            let origins = byteOrigins.map { Array(UnsafeBufferPointer(start: $0, count: length)) } ?? []
            result = (foldedBytes, origins)
        }
        (utf8, origins) = result
    }
}

extension Unicode.Scalar {
    /// A CJK ideograph (`policykb_is_han`, the project's one classifier,
    /// shared with the tokenizer and the number layer).
    public var isHan: Bool { policykb_is_han(value) != 0 }

    /// A character the tokenizer puts in CJK runs: ideographs, 々 〇, kana,
    /// Hangul syllables (`policykb_is_cjk_run`).
    public var isCJKToken: Bool { policykb_is_cjk_run(value) != 0 }

    /// A letter the tokenizer puts in words besides ASCII: Latin-1 and
    /// extended Latin, Greek, Cyrillic (PolicyNumbers' `isLatinLetter` is
    /// another thing: ASCII and full-width Latin letters).
    public var isTokenizerWordLetter: Bool {
        (value >= 0xC0 && value <= 0x24F && value != 0xD7 && value != 0xF7) || (value >= 0x370 && value <= 0x4FF)
    }
}

extension Character {
    public var isHan: Bool { unicodeScalars.first?.isHan ?? false }
}

extension String {
    /// The lines of the text (split at LF), empty ones kept.
    /// - Complexity: O(n) over UTF-8 bytes; splitting by Character would
    ///   walk grapheme clusters.
    public var lines: [Substring] {
        var result: [Substring] = []
        var start = startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            if utf8[index] == 0x0A {
                result.append(self[start..<index])
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        result.append(self[start..<endIndex])
        return result
    }
}

extension StringProtocol {
    /// Whether `needle` occurs in this text, by a byte search (memchr and
    /// memcmp): far cheaper per line than Foundation's `range(of:)`.
    func containsText(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { pattern -> Bool in
            let found = utf8.withContiguousStorageIfAvailable { bytes in
                Self.find(pattern, in: bytes)
            }
            if let found { return found }
            var copy = String(self)
            return copy.withUTF8 { Self.find(pattern, in: $0) }
        }
    }

    static func find(_ pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        offset(of: pattern, in: bytes, from: 0) != nil
    }

    /// The byte offset of the first occurrence of `pattern` in `bytes` at
    /// or after `start`.
    static func offset(of pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let needle = pattern.baseAddress, !pattern.isEmpty else { return start }
        guard let base = bytes.baseAddress, bytes.count >= pattern.count else { return nil }
        guard start <= bytes.count - pattern.count else { return nil }
        // memmem (policykb_find): a first-byte scan would stop at nearly
        // every character of CJK text, whose UTF-8 lead bytes are few.
        let found = policykb_find(base + start, bytes.count - start, needle, pattern.count)
        return found < 0 ? nil : start + found
    }

    /// The range of the first occurrence of `needle`, found by a byte
    /// search. A match of well-formed UTF-8 starts and ends on scalar
    /// boundaries, so the range is one of the text's scalar indices.
    func byteRange(of needle: String) -> Range<Index>? {
        var needle = needle
        return needle.withUTF8 { pattern -> Range<Index>? in
            let offset = utf8.withContiguousStorageIfAvailable { Self.offset(of: pattern, in: $0, from: 0) }
                ?? String(self).utf8.withContiguousStorageIfAvailable { Self.offset(of: pattern, in: $0, from: 0) } ?? nil
            guard let offset else { return nil }
            let lower = utf8.index(utf8.startIndex, offsetBy: offset)
            return lower..<utf8.index(lower, offsetBy: pattern.count)
        }
    }
}

extension String {
    /// The text with every occurrence of `needle` taken out (a byte search;
    /// Foundation's `replacingOccurrences` bridges to NSString first).
    func removingOccurrences(of needle: String) -> String {
        guard !needle.isEmpty, containsText(needle) else { return self }
        var out = ""
        var rest = self[...]
        while let range = rest.byteRange(of: needle) {
            out += rest[..<range.lowerBound]
            rest = rest[range.upperBound...]
        }
        out += rest
        return out
    }
}

extension StringProtocol {
    /// Whether the text has at most `limit` Unicode scalars.
    ///
    /// The parser asks this of every line ("short enough to be a
    /// heading?"); `unicodeScalars.count` would walk a whole paragraph to
    /// answer it. A scalar takes one to four bytes of UTF-8, so the byte
    /// count (constant time for native strings) settles most lines.
    /// - Complexity: O(1) when the UTF-8 length is at most `limit` or over
    ///   `4 × limit`, else O(`limit`).
    func hasAtMostScalars(_ limit: Int) -> Bool {
        let bytes = utf8.count
        if bytes <= limit { return true }
        if bytes > 4 * limit { return false }
        return unicodeScalars.dropFirst(limit).isEmpty
    }
}

/// Text as a dictionary key compared by its UTF-8 bytes.
///
/// A `String` key is hashed and compared by canonical equivalence, which
/// normalises non-ASCII text on every lookup. Text the parser has read
/// from one file is compared with itself, byte for byte, so the bytes are
/// enough, and much cheaper.
struct ExactText: Hashable {
    let text: String

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
    }

    static func == (lhs: ExactText, rhs: ExactText) -> Bool {
        lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) {
            return done
        }
        for byte in text.utf8 { hasher.combine(byte) }
    }
}
