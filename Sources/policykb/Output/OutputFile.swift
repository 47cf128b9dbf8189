import Foundation
import PolicyCore

/// A file written whole or not at all: the bytes go to a temporary file
/// beside it, which is renamed into place once complete, so that an error
/// or an interrupt never leaves half a workbook under the name asked for
/// (and an older file of that name stays until the new one is whole).
enum OutputFile {
    static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var template = Array((folder + "/." + url.lastPathComponent + ".XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else { throw failure(path) }
        let temporary = String(cString: template)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                let error = failure(path)
                close(descriptor)
                unlink(temporary)
                throw error
            }
            written += count
        }
        // mkstemp makes the file readable by its owner only; a listing is
        // an ordinary file (rw-r--r-- under the usual umask).
        let mask = umask(0)
        umask(mask)
        fchmod(descriptor, 0o666 & ~mask)
        guard close(descriptor) == 0, rename(temporary, path) == 0 else {
            let error = failure(path)
            unlink(temporary)
            throw error
        }
    }

    /// `cannot write PATH: no such file or directory` — the system's reason
    /// in the tool's lower case.
    static func failure(_ path: String) -> CommandFailure {
        .input("cannot write \(path): " + SystemReason.text())
    }
}
