/// A set of positive row ids as one bit each: the matches of a query,
/// tested as the date index is walked.
/// - Complexity: O(1) insert and lookup; N / 8 bytes for ids up to N.
struct IDBitmap {
    private var words: [UInt64]
    /// How many ids are in the set.
    private(set) var count = 0

    init(capacity: Int) {
        words = [UInt64](repeating: 0, count: max(1, (capacity + 63) / 64))
    }

    mutating func insert(_ id: Int64) {
        guard id >= 0 else { return }
        let word = Int(id >> 6)
        if word >= words.count {
            // An article added since the capacity was read.
            words += [UInt64](repeating: 0, count: word - words.count + 1)
        }
        let bit = UInt64(1) << UInt64(id & 63)
        if words[word] & bit == 0 {
            words[word] |= bit
            count += 1
        }
    }

    func contains(_ id: Int64) -> Bool {
        guard id >= 0 else { return false }
        let word = Int(id >> 6)
        return word < words.count && words[word] & (UInt64(1) << UInt64(id & 63)) != 0
    }
}
