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
}

public enum TextDecodingError: Error, Equatable, CustomStringConvertible {
    case empty
    case binary(String)
    case undeterminedEncoding

    public var description: String {
        switch self {
        case .empty: "empty file"
        case .binary(let why): "binary file, not text (\(why))"
        case .undeterminedEncoding: "cannot determine the text encoding (not UTF-8, UTF-16 with BOM, or GB18030)"
        }
    }
}

/// Decodes file bytes to text, detecting the encoding from the bytes alone.
public enum TextDecoder {
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
            guard let text = utf16(bytes.dropFirst(2), littleEndian: little) else {
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
        let controls = raw.unicodeScalars.lazy.filter {
            $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" && $0 != "\u{0C}"
        }.count
        if raw.unicodeScalars.contains("\u{0}") || controls > 8 && controls * 100 > raw.unicodeScalars.count {
            throw .binary("control characters")
        }
        let text = normalize(raw)
        guard text.contains(where: { !$0.isWhitespace }) else { throw .empty }
        return (text, encoding)
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
