import PolicyExtraction

/// The fingerprints of the stored articles ingest last compared new ones
/// with, so that a candidate met again (formulaic news meets the same few)
/// is not read and folded again on the writer. An entry counts only while
/// the article keeps its title and body length: an id reused after a
/// deletion or a rolled-back write, or a file another process changed,
/// misses instead of answering with another text.
struct StoryCandidateCache {
    /// Entries kept at most (then all are dropped): a few MB of generated
    /// news, the fingerprints being about 12 bytes a character.
    static let capacity = 2048

    private var entries: [Int64: (title: String, bodyLength: Int, fingerprint: StoryFingerprint)] = [:]

    func fingerprint(_ id: Int64, title: String, bodyLength: Int) -> StoryFingerprint? {
        guard let entry = entries[id], entry.bodyLength == bodyLength, entry.title == title else { return nil }
        return entry.fingerprint
    }

    mutating func keep(_ fingerprint: StoryFingerprint, _ id: Int64, title: String, bodyLength: Int) {
        if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
        entries[id] = (title, bodyLength, fingerprint)
    }
}
