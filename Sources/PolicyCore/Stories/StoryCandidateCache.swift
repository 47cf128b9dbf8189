import PolicyExtraction

/// The fingerprints of the articles ingest wrote last or compared new ones
/// with, so that a candidate met again (formulaic news meets the same few,
/// and a copy follows its original closely) is not read and folded again
/// on the writer. An entry counts only while its article keeps its title;
/// the store empties the cache whenever ids may have been reused: when an
/// issue's articles leave (a replaced or deleted issue), when another
/// connection has written, and when a write rolls back.
struct StoryCandidateCache {
    /// Entries kept at most (then all are dropped): a few MB of generated
    /// news, the fingerprints being about 8 bytes a character.
    static let capacity = 4096

    private var entries: [Int64: (title: String, fingerprint: StoryFingerprint)] = [:]

    func fingerprint(_ id: Int64, title: String) -> StoryFingerprint? {
        // Bytes, not canonical equivalence: the same title reads back the
        // same bytes, and Chinese text takes String ==’s slow path.
        guard let entry = entries[id], entry.title.utf8.elementsEqual(title.utf8) else { return nil }
        return entry.fingerprint
    }

    mutating func keep(_ fingerprint: StoryFingerprint, _ id: Int64, title: String) {
        if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
        entries[id] = (title, fingerprint)
    }
}
