#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a database's `-wal` file holds, read from its bytes without SQLite:
/// a reader that cannot write beside the database must know whether an
/// immutable open (which ignores the WAL) would hide committed
/// transactions.
///
/// The format ("WAL file format", sqlite.org/fileformat2.html): a 32-byte
/// header (magic, version, page size, checkpoint sequence, two salts, a
/// checksum) and frames of a 24-byte header (page number, "for commit
/// records, the size of the database file in pages after the commit", the
/// two salts) followed by one page. "A frame is considered valid if and only
/// if ... the salt-1 and salt-2 values in the frame-header match salt values
/// in the wal-header" and its checksums hold; frames left from an earlier
/// generation carry other salts. Checksums are not verified here: a torn
/// last frame then counts as committed, which errs on the side of reading
/// the WAL rather than hiding it.
public enum WriteAheadLog {
    /// Whether the `-wal` file beside `databasePath` holds at least one
    /// commit frame of its current generation. A missing, empty or
    /// unreadable WAL, or one that is only a header, holds none.
    public static func hasCommittedFrames(databasePath: String) -> Bool {
        let descriptor = open(databasePath + "-wal", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: 32)
        guard readFully(descriptor, &header, at: 0) else { return false }
        let magic = bigEndian(header, 0)
        guard magic == 0x377F_0682 || magic == 0x377F_0683 else { return false }
        let pageSize = Int(bigEndian(header, 8))
        // "Must be a power of two between 512 and 32768 inclusive, or the
        // value 1 representing a page size of 65536."
        let size = pageSize == 1 ? 65536 : pageSize
        guard size >= 512, size <= 65536, size & (size - 1) == 0 else { return false }
        let salt1 = bigEndian(header, 16), salt2 = bigEndian(header, 20)
        var frameHeader = [UInt8](repeating: 0, count: 24)
        var offset = 32
        while readFully(descriptor, &frameHeader, at: offset) {
            guard bigEndian(frameHeader, 8) == salt1, bigEndian(frameHeader, 12) == salt2 else { return false }
            if bigEndian(frameHeader, 4) != 0 { return true }
            offset += 24 + size
        }
        return false
    }

    private static func bigEndian(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
    }

    private static func readFully(_ descriptor: Int32, _ buffer: inout [UInt8], at offset: Int) -> Bool {
        let wanted = buffer.count
        let got = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, wanted, off_t(offset)) }
        return got == wanted
    }
}
