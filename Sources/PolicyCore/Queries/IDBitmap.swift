import PolicyExtraction
/// A set of positive row ids as one bit each, in pages of 65,536 ids made
/// when first written: the matches of a query, tested as the date index is
/// walked. Article ids follow dates (`ArticleIDs`), with gaps between days
/// and a region far above them, so one flat bitmap up to the largest id
/// would be mostly empty.
/// - Complexity: O(1) insert and lookup (a dictionary probe and a bit);
///   8 KB per page that holds an id.
struct IDBitmap {
    private static let pageShift: Int64 = 16
    private static let wordsPerPage = 1 << (16 - 6)
    private var pages: [Int64: [UInt64]] = [:]
    /// How many ids are in the set.
    private(set) var count = 0

    init() {}

    mutating func insert(_ id: Int64) {
        guard id >= 0 else { return }
        let page = id >> Self.pageShift, word = Int((id >> 6) & Int64(Self.wordsPerPage - 1))
        let bit = UInt64(1) << UInt64(id & 63)
        let isNew = pages[page, default: [UInt64](repeating: 0, count: Self.wordsPerPage)].withUnsafeMutableBufferPointer { words in
            guard words[word] & bit == 0 else { return false }
            words[word] |= bit
            return true
        }
        if isNew { count += 1 }
    }

    func contains(_ id: Int64) -> Bool {
        guard id >= 0, let words = pages[id >> Self.pageShift] else { return false }
        return words[Int((id >> 6) & Int64(Self.wordsPerPage - 1))] & (UInt64(1) << UInt64(id & 63)) != 0
    }
}
