import Foundation
import Testing
@testable import PolicyCore
@testable import PolicyExtraction

@Suite struct TextDecoderTests {
    let sample = "本期要目\r\n国策要论\r\n数据要素×三年行动计划，到2026年底打造300个以上场景。\r\n"

    @Test func utf8WithAndWithoutBOM() throws {
        let plain = try TextDecoder.decode(Array(sample.utf8))
        #expect(plain.encoding == .utf8)
        #expect(plain.text == "本期要目\n国策要论\n数据要素×三年行动计划，到2026年底打造300个以上场景。\n")
        let bom = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array(sample.utf8))
        #expect(bom.encoding == .utf8BOM)
        #expect(bom.text == plain.text)
    }

    @Test func utf16WithBOM() throws {
        let units = Array(sample.utf16)
        let little: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let expected = try TextDecoder.decode(Array(sample.utf8)).text
        #expect(try TextDecoder.decode(little).text == expected)
        #expect(try TextDecoder.decode(little).encoding == .utf16LE)
        #expect(try TextDecoder.decode(big).text == expected)
        #expect(try TextDecoder.decode(big).encoding == .utf16BE)
    }

    @Test func gb18030WithoutAnyMarker() throws {
        let bytes = try #require(TextDecoder.convert(Array(sample.utf8), from: "UTF-8", to: "GB18030"))
        #expect(bytes != Array(sample.utf8))
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded.encoding == .gb18030)
        #expect(decoded.text == (try TextDecoder.decode(Array(sample.utf8)).text))
    }

    @Test func emptyAndBlankFilesAreRejected() {
        #expect(throws: TextDecodingError.empty) { try TextDecoder.decode([]) }
        #expect(throws: TextDecodingError.empty) { try TextDecoder.decode(Array(" \n\n\t ".utf8)) }
    }

    @Test func binaryFilesAreRejected() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        #expect(throws: TextDecodingError.binary("NUL bytes")) { try TextDecoder.decode(png) }
    }

    @Test func undecodableBytesAreRejectedWithThatReason() {
        // Valid neither as UTF-8 nor as GB18030 (0x80 alone, 0xFF).
        let bytes: [UInt8] = [0x41, 0x80, 0xFF, 0xFE, 0x81, 0x20, 0xFF, 0x41]
        #expect(throws: TextDecodingError.undeterminedEncoding) { try TextDecoder.decode(bytes) }
    }

    @Test func textIsNormalizedToNFC() throws {
        let decomposed = "e\u{301}" // é as e + combining acute
        #expect(try TextDecoder.decode(Array(decomposed.utf8)).text == "\u{E9}")
    }
}
