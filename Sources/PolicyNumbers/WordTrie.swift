/// A small immutable trie of words over folded scalars, for longest-match look-ups at a position
/// of a scalar array, forwards or backwards.
///
/// Words are folded with `ScalarClass.fold` when inserted and text is folded when matched, so
/// one simplified entry also matches its traditional and full-width spellings. Horizontal spaces
/// inside a word may be allowed, because PDF extraction puts spaces between characters
/// (`个 百 分 点`).
struct WordTrie<Payload: Sendable>: Sendable {
    private var childKeys: [[UInt32]] = [[]]
    private var childNodes: [[Int]] = [[]]
    private var payloads: [Payload?] = [nil]
    private let isReversed: Bool

    /// Builds a trie. A reversed trie stores every word back to front, for `matchBackward`.
    /// Later entries replace earlier ones with the same spelling.
    init(_ entries: [(String, Payload)], reversed: Bool = false) {
        isReversed = reversed
        for (word, payload) in entries {
            var scalars = word.unicodeScalars.map { ScalarClass.fold($0.value) }
            if reversed { scalars.reverse() }
            var node = 0
            for key in scalars {
                if let index = childKeys[node].firstIndex(of: key) {
                    node = childNodes[node][index]
                } else {
                    childKeys.append([])
                    childNodes.append([])
                    payloads.append(nil)
                    let created = payloads.count - 1
                    childKeys[node].append(key)
                    childNodes[node].append(created)
                    node = created
                }
            }
            payloads[node] = payload
        }
    }

    @inline(__always)
    private func child(of node: Int, _ key: UInt32) -> Int? {
        let keys = childKeys[node]
        for index in keys.indices where keys[index] == key {
            return childNodes[node][index]
        }
        return nil
    }

    /// The longest word that starts exactly at `start`.
    ///
    /// - Complexity: O(length of the longest word).
    func match(
        _ s: [Unicode.Scalar], at start: Int, limit: Int? = nil, allowSpaces: Bool = false
    ) -> (payload: Payload, end: Int)? {
        precondition(!isReversed)
        let limit = limit ?? s.count
        var node = 0
        var p = start
        var best: (payload: Payload, end: Int)?
        while p < limit {
            var v = s[p].value
            if allowSpaces && p > start && ScalarClass.isHorizontalSpace(v) {
                var r = p
                while r < limit && ScalarClass.isHorizontalSpace(s[r].value) { r += 1 }
                guard r < limit else { break }
                v = s[r].value
                p = r
            }
            guard let next = child(of: node, ScalarClass.fold(v)) else { break }
            node = next
            p += 1
            if let payload = payloads[node] { best = (payload, p) }
        }
        return best
    }

    /// The longest word that ends exactly at `end` (exclusive) and starts at or after `floor`.
    ///
    /// - Complexity: O(length of the longest word).
    func matchBackward(
        _ s: [Unicode.Scalar], endingAt end: Int, floor: Int, allowSpaces: Bool = false
    ) -> (payload: Payload, start: Int)? {
        precondition(isReversed)
        var node = 0
        var p = end - 1
        var best: (payload: Payload, start: Int)?
        while p >= floor {
            var v = s[p].value
            if allowSpaces && p < end - 1 && ScalarClass.isHorizontalSpace(v) {
                var r = p
                while r >= floor && ScalarClass.isHorizontalSpace(s[r].value) { r -= 1 }
                guard r >= floor else { break }
                v = s[r].value
                p = r
            }
            guard let next = child(of: node, ScalarClass.fold(v)) else { break }
            node = next
            if let payload = payloads[node] { best = (payload, p) }
            p -= 1
        }
        return best
    }
}
