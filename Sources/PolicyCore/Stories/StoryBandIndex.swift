import PolicyExtraction
import SQLiteDB

/// The LSH band keys of every stored article, held by the writer so that a
/// new article's candidates are found without a query per band
/// (Migrations/0015: each article's keys are a blob beside its story, so
/// writing them touches one local row).
///
/// A posting may outlive its article (deleted, or written by a transaction
/// that rolled back, or its id reused by a new version of the file): it
/// then offers a candidate that the database no longer has, or whose text
/// the comparison refuses, which costs one comparison and changes nothing.
/// What another connection writes is seen through `dataVersion`: the
/// writer reloads when it changes.
struct StoryBandIndex {
    /// Sorted band keys and, at the same places, their articles.
    private var keys: [UInt32] = []
    private var ids: [Int64] = []
    /// Postings added since the last merge into the sorted arrays: a hash
    /// table with linear probing that holds a key once per article, so
    /// adding allocates nothing.
    private var recentKeys: [UInt32] = []
    private var recentIDs: [Int64] = []
    private var recentCount = 0
    private static let empty = Int64.min
    /// Each article's MinHash signature (`StoryMatch.likely`), 40 values
    /// from its offset in one flat array, so that a candidate is refused
    /// without a query.
    private var signatureOffsets: [Int64: Int] = [:]
    private var signatureValues: [UInt16] = []
    /// `PRAGMA data_version` when loaded: "the integer values returned by
    /// two invocations of PRAGMA data_version from the same connection will
    /// be different if changes were committed to the database by any other
    /// connection in the interim", and the same after this connection's own.
    let dataVersion: Int64

    init(dataVersion: Int64, postings: [(key: UInt32, id: Int64)], signatures: [(id: Int64, signature: [UInt16])] = []) {
        self.dataVersion = dataVersion
        merge(postings)
        for (id, signature) in signatures { keep(signature, of: id) }
    }

    /// The signature stored for an article, if it has one.
    func signature(of id: Int64) -> ArraySlice<UInt16>? {
        signatureOffsets[id].map { signatureValues[$0..<($0 + StoryFingerprint.bands * StoryFingerprint.rowsPerBand)] }
    }

    private mutating func keep(_ signature: [UInt16], of id: Int64) {
        guard signature.count == StoryFingerprint.bands * StoryFingerprint.rowsPerBand else { return }
        signatureOffsets[id] = signatureValues.count
        signatureValues += signature
    }

    /// Calls `body` with each article posted under `key` (in no order) and
    /// returns how many there were, stopping at `limit + 1`.
    @discardableResult
    func postings(of key: UInt32, limit: Int = .max, _ body: (Int64) -> Void) -> Int {
        var count = 0
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        while low < keys.count && keys[low] == key && count <= limit { body(ids[low]); count += 1; low += 1 }
        guard !recentIDs.isEmpty else { return count }
        let mask = recentKeys.count - 1
        var slot = Self.slot(key, mask)
        while recentIDs[slot] != Self.empty && count <= limit {
            if recentKeys[slot] == key { body(recentIDs[slot]); count += 1 }
            slot = (slot + 1) & mask
        }
        return count
    }

    mutating func add(_ bandKeys: [Int64], signature: [UInt16], id: Int64) {
        keep(signature, of: id)
        // Merged when the table holds half the sorted postings (at least
        // 2^15): the sorts then cost O(n log n) over a whole ingest.
        let threshold = max(1 << 15, keys.count / 2)
        if recentCount + bandKeys.count > threshold {
            var added: [(key: UInt32, id: Int64)] = []
            added.reserveCapacity(recentCount)
            for slot in recentIDs.indices where recentIDs[slot] != Self.empty { added.append((recentKeys[slot], recentIDs[slot])) }
            recentKeys = []
            recentIDs = []
            recentCount = 0
            merge(added)
        }
        if recentIDs.isEmpty {
            // A table at most half full until the next merge.
            var capacity = 1
            while capacity < 2 * max(1 << 15, keys.count / 2) { capacity <<= 1 }
            recentKeys = [UInt32](repeating: 0, count: capacity)
            recentIDs = [Int64](repeating: Self.empty, count: capacity)
        }
        let mask = recentKeys.count - 1
        for index in bandKeys.indices where !Self.repeats(bandKeys, at: index) {
            let key = UInt32(truncatingIfNeeded: bandKeys[index])
            var slot = Self.slot(key, mask)
            while recentIDs[slot] != Self.empty { slot = (slot + 1) & mask }
            recentKeys[slot] = key
            recentIDs[slot] = id
            recentCount += 1
        }
    }

    /// Whether the key at `index` came earlier in `keys` too (a band key
    /// is posted once per article). Twenty keys: a loop beats a set.
    @inline(__always)
    static func repeats(_ keys: [Int64], at index: Int) -> Bool {
        var earlier = 0
        while earlier < index {
            if keys[earlier] == keys[index] { return true }
            earlier += 1
        }
        return false
    }

    /// Band keys are hashes already; their high bits place them.
    @inline(__always)
    private static func slot(_ key: UInt32, _ mask: Int) -> Int { Int(truncatingIfNeeded: key &* 0x9E3779B1) & mask }

    private mutating func merge(_ postings: [(key: UInt32, id: Int64)]) {
        var all = zip(keys, ids).map { (key: $0, id: $1) } + postings
        all.sort { $0.key != $1.key ? $0.key < $1.key : $0.id < $1.id }
        keys = all.map(\.key)
        ids = all.map(\.id)
    }

    /// The blob stored for an article: its band keys, 4 bytes each, then
    /// its MinHash signature, 2 bytes a bin, all little-endian. A text too
    /// short to match by similarity has one key and no signature.
    static func blob(_ bandKeys: [Int64], signature: [UInt16]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(bandKeys.count * 4 + signature.count * 2)
        for key in bandKeys {
            let value = UInt32(truncatingIfNeeded: key)
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
        }
        for value in signature { bytes += [UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8)] }
        return bytes
    }

    /// Bytes of a blob with a full set of keys and a signature.
    static let fullBlob = StoryFingerprint.bands * 4 + StoryFingerprint.bands * StoryFingerprint.rowsPerBand * 2

    /// The keys of a stored blob.
    static func keys(_ blob: UnsafeRawBufferPointer) -> [UInt32] {
        let count = blob.count == fullBlob ? StoryFingerprint.bands : blob.count / 4
        return (0..<count).map { index in
            (0..<4).reduce(UInt32(0)) { value, byte in value | UInt32(blob[index * 4 + byte]) << UInt32(byte * 8) }
        }
    }

    /// The signature of a stored blob (empty when it has none).
    static func signature(_ blob: UnsafeRawBufferPointer) -> [UInt16] {
        guard blob.count == fullBlob else { return [] }
        let start = StoryFingerprint.bands * 4
        return (0..<(StoryFingerprint.bands * StoryFingerprint.rowsPerBand)).map { index in
            UInt16(blob[start + index * 2]) | UInt16(blob[start + index * 2 + 1]) << 8
        }
    }
}

extension PolicyStore {
    /// Loads `storyBands` on first use, and again when another connection
    /// has committed since. Articles stored before migration 0015 (no blob
    /// yet) get theirs here, computed from their texts. (Callers use the
    /// property in place: a copy held while it grows would copy it whole.)
    func loadStoryBands() throws {
        let version: Int64 = try database.cached("PRAGMA data_version").rows().first?.decode("data_version") ?? 0
        if let storyBands, storyBands.dataVersion == version { return }
        var postings: [(key: UInt32, id: Int64)] = []
        var signatures: [(id: Int64, signature: [UInt16])] = []
        var missing: [Int64] = []
        let statement = try database.cached("SELECT article_id, bands FROM article_stories")
        defer { statement.reset() }
        try statement.bind([])
        while try statement.step() {
            let id = statement.int64(0)
            if let (keys, signature) = statement.withBlob(1, { (StoryBandIndex.keys($0), StoryBandIndex.signature($0)) }) {
                for key in Set(keys) { postings.append((key, id)) }
                signatures.append((id, signature))
            } else {
                missing.append(id)
            }
        }
        if !missing.isEmpty {
            let text = try database.cached("SELECT title, body FROM articles WHERE id = ?")
            let store = try database.cached("UPDATE article_stories SET bands = ? WHERE article_id = ?")
            for id in missing {
                guard let row = try text.rows([id]).first else { continue }
                let sketch = StorySketch(text: StoryFingerprint.text(title: try row.decode("title"), body: try row.decode("body")))
                try store.execute([StoryBandIndex.blob(sketch.bandKeys, signature: sketch.signature), id])
                for key in Set(sketch.bandKeys) { postings.append((UInt32(truncatingIfNeeded: key), id)) }
                signatures.append((id, sketch.signature))
            }
        }
        storyBands = StoryBandIndex(dataVersion: version, postings: postings, signatures: signatures)
        candidateFingerprints = StoryCandidateCache()   // another connection may have reused ids
    }
}
