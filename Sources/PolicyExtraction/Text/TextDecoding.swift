import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The character encodings a bulletin file may come in.
public enum TextEncoding: String, Sendable, Codable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 (BOM)"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case gb18030 = "GB18030"
    /// The text layer of a PDF, through poppler's pdftotext.
    case pdf = "PDF text (pdftotext)"
}

public enum TextDecodingError: Error, Equatable, CustomStringConvertible {
    case empty
    case binary(String)
    case undeterminedEncoding
    /// Too many bytes no encoding reads: `count` of `total`.
    case undecodable(count: Int, total: Int)

    public var description: String {
        switch self {
        case .empty: "empty file"
        case .binary(let why): "binary file, not text (\(why))"
        case .undeterminedEncoding: "cannot determine the text encoding (not UTF-8, UTF-16 with BOM, or GB18030)"
        case .undecodable(let count, let total):
            "cannot determine the text encoding: \(count) of \(total) bytes are not UTF-8, UTF-16 or GB18030"
        }
    }
}

/// Text decoded from a file, with what could not be decoded.
public struct DecodedText: Sendable, Equatable {
    public var text: String
    public var encoding: TextEncoding
    /// Undecodable byte sequences replaced by U+FFFD.
    public var replacements: Int
    /// Byte offset of the first of them.
    public var firstReplacementOffset: Int?

    /// A warning for the replacements, when there were any.
    public var warnings: [IngestWarning] {
        guard replacements > 0 else { return [] }
        let offset = firstReplacementOffset.map { ", the first at byte \($0)" } ?? ""
        return [IngestWarning(.undecodableBytes,
            "\(replacements) undecodable byte sequence\(replacements == 1 ? "" : "s") in \(encoding.rawValue) became U+FFFD\(offset)")]
    }
}

/// Decodes file bytes to text, detecting the encoding from the bytes alone.
public enum TextDecoder {
    /// Decodes `bytes` as `decode(_:)` does, except that a few undecodable
    /// byte sequences (at most one in 250 bytes, though 24 in a short file, and never one in 20) become
    /// U+FFFD instead of refusing the file: one damaged character should
    /// not lose a whole issue. Binary and empty files are still refused.
    /// - Complexity: O(n); the tolerant pass runs only for invalid input.
    public static func decodeTolerantly(_ bytes: [UInt8]) throws(TextDecodingError) -> DecodedText {
        do {
            let strict = try decode(bytes)
            return DecodedText(text: strict.text, encoding: strict.encoding, replacements: 0)
        } catch .undeterminedEncoding {
            // Repaired below.
        } catch .binary(let why) where why.hasPrefix("invalid") {
            // A damaged byte-order-marked file: repaired below.
        } catch .binary("NUL bytes") {
            if let text = utf16WithoutBOM(bytes) { return try finish(text, bytes: bytes) }
            // A few NULs in text are damage, repaired below; many are binary.
            let nuls = bytes.lazy.filter({ $0 == 0 }).count
            guard nuls * 250 <= bytes.count else { throw .binary("NUL bytes") }
        } catch {
            throw error
        }
        let limit = max(24, bytes.count / 250)
        var candidates: [(raw: String, encoding: TextEncoding, errors: Int, first: Int?)] = []
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            let repaired = repairingUTF16(bytes.dropFirst(2), littleEndian: little)
            candidates.append((repaired.text, little ? .utf16LE : .utf16BE, repaired.errors, repaired.first.map { $0 + 2 }))
            // Or UTF-8 whose first bytes happen to read as a mark (FE and
            // FF are never UTF-8: they count as damage).
            let utf8 = repairingUTF8(bytes[...])
            candidates.append((utf8.text, .utf8, utf8.errors, utf8.first))
        } else {
            let skip = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            let utf8 = repairingUTF8(bytes.dropFirst(skip))
            candidates.append((utf8.text, skip == 3 ? .utf8BOM : .utf8, utf8.errors, utf8.first.map { $0 + skip }))
            if skip == 0, utf8.errors > 0, let gb = convertTolerantly(bytes, from: "GB18030", to: "UTF-8"),
               let text = String(validating: gb.bytes, as: UTF8.self), looksLikeChinese(text) {
                candidates.append((text, .gb18030, gb.errors, gb.first))
            }
        }
        // The fewest errors among the readings that read as text.
        let readable = candidates.filter { looksLikeText($0.raw) }
        guard var best = (readable.isEmpty ? candidates : readable).min(by: { $0.errors < $1.errors }) else {
            throw .undeterminedEncoding
        }
        if best.raw.unicodeScalars.contains("\u{0}") {
            // NUL bytes: damage, counted and replaced like any other.
            let nuls = best.raw.unicodeScalars.filter { $0 == "\u{0}" }.count
            best.raw = best.raw.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}")
            best.errors += nuls
            let firstNul = bytes.firstIndex(of: 0)
            best.first = [best.first, firstNul].compactMap { $0 }.min()
        }
        guard best.errors <= limit, best.errors * 20 <= bytes.count else {
            throw .undecodable(count: best.errors, total: bytes.count)
        }
        var decoded = try finish(best.raw, bytes: bytes)
        decoded.encoding = best.encoding
        decoded.replacements = best.errors
        decoded.firstReplacementOffset = best.first
        return decoded
    }

    /// Checks decoded text for control characters, then normalises it.
    static func finish(_ raw: String, bytes: [UInt8]) throws(TextDecodingError) -> DecodedText {
        let controls = raw.unicodeScalars.lazy.filter {
            $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" && $0 != "\u{0C}"
        }.count
        if raw.unicodeScalars.contains("\u{0}") || controls > 8 && controls * 100 > raw.unicodeScalars.count {
            throw .binary("control characters")
        }
        let text = normalize(raw)
        guard text.contains(where: { !$0.isWhitespace }) else { throw .empty }
        return DecodedText(text: text, encoding: .utf8, replacements: 0)
    }

    /// UTF-16 that lost its byte-order mark: ASCII characters (line ends
    /// among them) put a NUL in every other byte.
    static func utf16WithoutBOM(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for (index, byte) in bytes.enumerated() where byte == 0 {
            if index % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let little = oddZeros > evenZeros
        guard max(evenZeros, oddZeros) * 20 >= bytes.count, min(evenZeros, oddZeros) * 4 <= max(evenZeros, oddZeros) else {
            return nil
        }
        let repaired = repairingUTF16(bytes[...], littleEndian: little)
        guard repaired.errors * 250 <= bytes.count, looksLikeChinese(repaired.text) else { return nil }
        return repaired.text
    }

    /// UTF-8 with each maximal invalid subsequence replaced by U+FFFD (the
    /// standard library's repair), counted by a byte scan of our own.
    static func repairingUTF8(_ bytes: ArraySlice<UInt8>) -> (text: String, errors: Int, first: Int?) {
        let text = String(decoding: bytes, as: UTF8.self)
        var errors = 0
        var first: Int?
        bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            let n = buffer.count
            while i < n {
                let byte = buffer[i]
                if byte < 0x80 { i += 1; continue }
                let length: Int
                var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
                switch byte {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; lower = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; upper = 0x9F
                case 0xF0: length = 4; lower = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; upper = 0x8F
                default: length = 0
                }
                // A maximal subpart: the bytes that could still begin a valid sequence.
                var valid = length > 0
                var consumed = 1
                if valid {
                    while consumed < length {
                        guard i + consumed < n else { valid = false; break }
                        let next = buffer[i + consumed]
                        let (lo, hi) = consumed == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                        guard next >= lo && next <= hi else { valid = false; break }
                        consumed += 1
                    }
                }
                if valid {
                    i += length
                } else {
                    errors += 1
                    if first == nil { first = i }
                    i += consumed
                }
            }
        }
        return (text, errors, first)
    }

    /// UTF-16 with unpaired surrogates and an odd last byte replaced.
    static func repairingUTF16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> (text: String, errors: Int, first: Int?) {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        var errors = 0
        var first: Int?
        var scalars = String.UnicodeScalarView()
        var parser = Unicode.UTF16.ForwardParser()
        var iterator = units.makeIterator()
        var offset = 0
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                scalars.append(Unicode.UTF16.decode(encoded))
                offset += encoded.count * 2
            case .error(let length):
                errors += 1
                if first == nil { first = offset }
                offset += length * 2
                scalars.append("\u{FFFD}")
            case .emptyInput:
                break loop
            }
        }
        if bytes.count % 2 == 1 {
            errors += 1
            if first == nil { first = bytes.count - 1 }
        }
        return (String(scalars), errors, first)
    }

    /// Like `convert`, but each byte iconv cannot read becomes U+FFFD (in
    /// UTF-8 output) and is counted.
    static func convertTolerantly(_ bytes: [UInt8], from source: String, to target: String) -> (bytes: [UInt8], errors: Int, first: Int?)? {
        let converter = iconv_open(target, source)
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        var errors = 0
        var first: Int?
        let produced: Int = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else { return 0 }
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase).assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outLeft = outBuffer.count
                while inLeft > 0 {
                    let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    if result != -1 { break }
                    // An invalid or truncated sequence: one byte becomes U+FFFD.
                    guard outLeft >= 3, inLeft > 0 else { break }
                    errors += 1
                    if first == nil { first = inBuffer.count - inLeft }
                    for byte: UInt8 in [0xEF, 0xBF, 0xBD] {
                        outPointer?.pointee = CChar(bitPattern: byte)
                        outPointer = outPointer?.advanced(by: 1)
                    }
                    outLeft -= 3
                    inPointer = inPointer?.advanced(by: 1)
                    inLeft -= 1
                }
                return outBuffer.count - outLeft
            }
        }
        return (Array(output[..<produced]), errors, first)
    }

    /// Decodes `bytes`, normalises line ends to LF and the text to NFC.
    ///
    /// UTF-8 (with or without BOM) and UTF-16 with a BOM are recognised
    /// first; bytes that are not valid UTF-8 are tried as GB18030 (a
    /// superset of GBK and GB2312). NUL bytes or control characters in the
    /// decoded text mark a binary file.
    /// - Complexity: O(n) in the number of bytes.
    public static func decode(_ bytes: [UInt8]) throws(TextDecodingError) -> (text: String, encoding: TextEncoding) {
        guard !bytes.isEmpty else { throw .empty }
        let (raw, encoding): (String, TextEncoding)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = validUTF8(bytes.dropFirst(3)) else { throw .binary("invalid UTF-8 after a UTF-8 byte-order mark") }
            (raw, encoding) = (text, .utf8BOM)
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            // Most byte strings are valid UTF-16: the text must also read as
            // text, or the mark is two damaged bytes before UTF-8.
            guard let text = utf16(bytes.dropFirst(2), littleEndian: little), looksLikeText(text) else {
                throw .binary("invalid UTF-16 after a byte-order mark")
            }
            (raw, encoding) = (text, little ? .utf16LE : .utf16BE)
        } else if bytes.contains(0) {
            throw .binary("NUL bytes")
        } else if let text = validUTF8(bytes[...]) {
            (raw, encoding) = (text, .utf8)
        } else if let text = gb18030(bytes), looksLikeChinese(text) {
            (raw, encoding) = (text, .gb18030)
        } else {
            throw .undeterminedEncoding
        }
        // The same checks and normalisation as every decoded text.
        return (try finish(raw, bytes: bytes).text, encoding)
    }

    /// LF line ends and NFC, with a leading BOM dropped.
    public static func normalize(_ text: String) -> String {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.utf8.contains(13) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return isKnownNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// True when every character is one NFC leaves alone (ASCII, Latin-1,
    /// CJK ideographs and punctuation, kana, Hangul syllables, full-width
    /// forms): most bulletins skip the normalisation pass.
    static func isKnownNFC(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x00...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x2100...0x2125, 0x2127...0x2129, 0x212C...0x2328,
                 0x232B...0x2BFF, 0x3000...0x3098, 0x309B...0x30FF, 0x3100...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                 0xAC00...0xD7A3, 0xFF00...0xFFEF, 0x20000...0x2A6DF:
                true
            default:
                false
            }
        }
    }

    static func validUTF8(_ bytes: ArraySlice<UInt8>) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        return String(validating: units, as: UTF16.self)
    }

    /// GB18030 through glibc's iconv; nil when the bytes are not valid.
    static func gb18030(_ bytes: [UInt8]) -> String? {
        guard let utf8 = convert(bytes, from: "GB18030", to: "UTF-8") else { return nil }
        return String(validating: utf8, as: UTF8.self)
    }

    /// Converts bytes between two encodings iconv knows; nil when the input
    /// is invalid or incomplete in `source`.
    static func convert(_ bytes: [UInt8], from source: String, to target: String) -> [UInt8]? {
        let converter = iconv_open(target, source)
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else { return 0 }
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase)
                    .assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outLeft = outBuffer.count
                // "The iconv() function returns the number of characters
                // converted in a nonreversible way ... In case of error, it
                // sets errno and returns (size_t) -1."
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                guard result != -1, inLeft == 0 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return Array(output[..<produced])
    }

    /// Whether decoded text reads as text in some script: nine in ten of
    /// its visible characters ideographs, kana, hangul, Latin letters,
    /// digits or punctuation. Bytes of one encoding read in another (UTF-8
    /// as UTF-16) give private-use and scattered code points instead.
    static func looksLikeText(_ text: String) -> Bool {
        var readable = 0, total = 0
        for scalar in text.unicodeScalars.prefix(20_000) where !scalar.properties.isWhitespace {
            total += 1
            switch scalar.value {
            case 0x20...0x24F, 0x2010...0x206F, 0x2460...0x24FF, 0x3000...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                 0xAC00...0xD7A3, 0xFF00...0xFFEF, 0xFFFD, 0x20000...0x2A6DF:
                readable += 1
            default: break
            }
        }
        return total == 0 || readable * 10 >= total * 9
    }

    /// Valid GB18030 is most byte strings; real Chinese text is mostly CJK
    /// characters, ASCII and common punctuation.
    static func looksLikeChinese(_ text: String) -> Bool {
        var cjk = 0, plain = 0, total = 0
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace {
            total += 1
            switch scalar.value {
            case 0x4E00...0x9FFF: cjk += 1
            case 0x20...0x7E, 0x3000...0x303F, 0xFF00...0xFFEF, 0x2010...0x206F: plain += 1
            default: break
            }
        }
        guard total > 0 else { return false }
        return cjk * 5 >= total && (cjk + plain) * 10 >= total * 9
    }
}
