import Foundation
import NIOConcurrencyHelpers
import NIOCore

/// A rendered answer: the bytes of a page, an API response or a download,
/// as sent.
struct Rendered: Sendable {
    var body: ByteBuffer
    var contentType: String
    /// `Content-Disposition` for a download, else nil.
    var disposition: String?

    init(text: String, contentType: String, disposition: String? = nil) {
        self.init(bytes: ByteBuffer(string: text), contentType: contentType, disposition: disposition)
    }

    init(bytes: ByteBuffer, contentType: String, disposition: String? = nil) {
        body = bytes
        self.contentType = contentType
        self.disposition = disposition
    }

    /// The body as text (pages, JSON, CSV).
    var text: String { String(buffer: body) }
}

/// Answers already rendered, by request, for as long as the database file
/// is unchanged.
///
/// Every answer the server gives is a pure function of the request's path
/// and query and of the database's content, and the server never writes.
/// So an answer can be given again until another process (an ingest)
/// changes the file. A search ranks every match, and two cores serve a
/// handful of requests at once; paging back, reloading a shared link or a
/// list of queries replayed then cost one dictionary lookup.
///
/// Whether the database changed is read from the file system on every
/// lookup: the inode, size and modification time of the database and of
/// its write-ahead log. A commit appends to the log (and a checkpoint
/// rewrites the database), so it changes one of them; one `stat` each costs
/// about a microsecond. An answer rendered while the files changed is not
/// kept, because it may have read either version.
///
/// The least recently used answer goes first when the cache holds
/// `capacity` answers or `byteLimit` bytes.
final class ResponseCache: Sendable {
    /// What identifies one version of the database's content on disk.
    struct FileVersion: Equatable, Sendable {
        var database: [Int]
        var log: [Int]

        init(path: String) {
            database = Self.identity(path)
            log = Self.identity(path + "-wal")
        }

        /// Inode, size and modification time in nanoseconds; empty when
        /// the file does not exist.
        private static func identity(_ path: String) -> [Int] {
            var info = stat()
            guard stat(path, &info) == 0 else { return [] }
            #if os(Linux)
            let modified = info.st_mtim
            #else
            let modified = info.st_mtimespec
            #endif
            return [Int(info.st_ino), Int(info.st_size), Int(modified.tv_sec), Int(modified.tv_nsec)]
        }
    }

    private struct Entry {
        var rendered: Rendered
        var bytes: Int
        var lastUse: UInt64
    }

    private struct State {
        var version: FileVersion
        var entries: [String: Entry] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    let path: String
    /// At most this many answers are kept; 0 keeps none.
    let capacity: Int
    /// At most this many bytes of text are kept, and no single answer
    /// larger than a sixteenth of it.
    let byteLimit: Int
    private let state: NIOLockedValueBox<State>

    init(path: String, capacity: Int, byteLimit: Int = 64 << 20) {
        self.path = path
        self.capacity = capacity
        self.byteLimit = byteLimit
        state = NIOLockedValueBox(State(version: FileVersion(path: path)))
    }

    /// The answer kept for `key`, with the version of the files it was
    /// looked up under (to be passed to `store`).
    /// - Complexity: O(1), plus O(n) to empty the cache when the files changed.
    func lookup(_ key: String) -> (rendered: Rendered?, version: FileVersion) {
        let version = FileVersion(path: path)
        return state.withLockedValue { state in
            if state.version != version {
                state = State(version: version)
            }
            state.clock += 1
            guard capacity > 0, var entry = state.entries[key] else { return (nil, version) }
            entry.lastUse = state.clock
            state.entries[key] = entry
            return (entry.rendered, version)
        }
    }

    /// Keeps `rendered` for `key` if the files are still as they were at
    /// `lookup` (`version`) and it fits.
    /// - Complexity: O(1), plus O(n) for each answer evicted.
    func store(_ rendered: Rendered, for key: String, version: FileVersion) {
        let bytes = rendered.body.readableBytes + key.utf8.count
        guard capacity > 0, bytes <= byteLimit / 16, FileVersion(path: path) == version else { return }
        state.withLockedValue { state in
            guard state.version == version else { return }
            if let old = state.entries[key] { state.bytes -= old.bytes }
            state.clock += 1
            state.entries[key] = Entry(rendered: rendered, bytes: bytes, lastUse: state.clock)
            state.bytes += bytes
            while state.entries.count > capacity || state.bytes > byteLimit,
                  let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
                state.entries[oldest.key] = nil
                state.bytes -= oldest.value.bytes
            }
        }
    }

    /// How many answers are kept.
    var count: Int {
        state.withLockedValue { $0.entries.count }
    }
}
