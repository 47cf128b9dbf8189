/// A ZIP archive of files stored as they are (method 0, no compression), as
/// an .xlsx workbook needs: a handful of XML parts. Written here rather than
/// with a ZIP library because that is all a workbook needs — about a hundred
/// lines against a new package dependency (and zlib headers on every
/// machine that builds). Office, LibreOffice, openpyxl and `unzip` read
/// stored entries; the cost is size (XML is not compressed).
///
/// Every entry is dated 1980-01-01 00:00, the first DOS date, so that the
/// same rows always make the same bytes.
public enum StoredZip {
    public struct Entry: Sendable {
        public let name: String
        public let bytes: [UInt8]

        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The archive would pass 4 GB or 65,535 entries (ZIP64 is not written).
        case tooLarge

        public var description: String { "the workbook would be larger than 4 GB; write --format csv instead" }
    }

    public static func archive(_ entries: [Entry]) throws -> [UInt8] {
        guard entries.count < 0xFFFF else { throw Failure.tooLarge }
        var out: [UInt8] = []
        out.reserveCapacity(entries.reduce(22) { $0 + $1.bytes.count + 2 * $1.name.utf8.count + 76 })
        var directory: [UInt8] = []
        for entry in entries {
            let name = Array(entry.name.utf8)
            let crc = CRC32.checksum(entry.bytes)
            guard out.count < 0xFFFF_FFFF, entry.bytes.count < 0xFFFF_FFFF else { throw Failure.tooLarge }
            let offset = UInt32(out.count), size = UInt32(entry.bytes.count)
            // Local file header.
            out.append(le32: 0x0403_4B50)
            out.append(le16: 20)            // version needed: 2.0
            out.append(le16: 0x0800)        // names are UTF-8
            out.append(le16: 0)             // stored
            out.append(le16: 0)             // time 00:00
            out.append(le16: Self.dosDate)
            out.append(le32: crc)
            out.append(le32: size)
            out.append(le32: size)
            out.append(le16: UInt16(name.count))
            out.append(le16: 0)             // no extra field
            out += name
            out += entry.bytes
            // Its central directory record.
            directory.append(le32: 0x0201_4B50)
            directory.append(le16: 20)      // made by: MS-DOS, 2.0
            directory.append(le16: 20)
            directory.append(le16: 0x0800)
            directory.append(le16: 0)
            directory.append(le16: 0)
            directory.append(le16: Self.dosDate)
            directory.append(le32: crc)
            directory.append(le32: size)
            directory.append(le32: size)
            directory.append(le16: UInt16(name.count))
            directory.append(le16: 0)       // extra
            directory.append(le16: 0)       // comment
            directory.append(le16: 0)       // disk
            directory.append(le16: 0)       // internal attributes
            directory.append(le32: 0)       // external attributes
            directory.append(le32: offset)
            directory += name
        }
        guard out.count + directory.count < 0xFFFF_FFFF else { throw Failure.tooLarge }
        let directoryOffset = UInt32(out.count)
        out += directory
        // End of central directory.
        out.append(le32: 0x0605_4B50)
        out.append(le16: 0)
        out.append(le16: 0)
        out.append(le16: UInt16(entries.count))
        out.append(le16: UInt16(entries.count))
        out.append(le32: UInt32(directory.count))
        out.append(le32: directoryOffset)
        out.append(le16: 0)                 // no comment
        return out
    }

    /// 1980-01-01: (year − 1980) << 9 | month << 5 | day.
    static let dosDate: UInt16 = 1 << 5 | 1
}

/// CRC-32 (ISO 3309, the polynomial ZIP and PNG use), a table at a time.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

extension Array where Element == UInt8 {
    /// Little-endian, as every ZIP field is.
    mutating func append(le16 value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    mutating func append(le32 value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
