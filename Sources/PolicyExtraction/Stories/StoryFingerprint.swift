/// What story matching keeps of one article: the hashes of its shingles
/// (every run of `StoryFingerprint.shingleLength` folded characters), their
/// MinHash signature cut into LSH bands, its figures and the regions it
/// names. Deterministic: the same text gives the same fingerprint on every
/// machine and run (fixed seeds, no random state), so band keys can be
/// stored and looked up later.
public struct StoryFingerprint: Sendable {
    /// Characters per shingle. Five folded characters are about two or three
    /// Chinese words: short enough that a changed word disturbs few
    /// shingles, long enough that unrelated articles share almost none.
    public static let shingleLength = 5   // `StorySketch.Builder` keeps a window of this many
    /// LSH bands and rows per band: 20 × 2 = 40 MinHash values. Two texts
    /// whose shingle sets have Jaccard similarity J share at least one band
    /// with probability 1 − (1 − J²)²⁰: 0.97 at J = 0.4 (a copy of 40% of
    /// the other's length, the least `StoryMatch` accepts), 0.997 at 0.5,
    /// 0.9999 at 0.7; 0.18 at 0.1 (unrelated texts, refused on their texts).
    public static let bands = 20
    public static let rowsPerBand = 2
    /// Texts with fewer folded characters than this are matched only when
    /// identical: a handful of shingles says too little.
    public static let minimumCharacters = 30

    /// Sorted, distinct 32-bit hashes of the shingles (`member`): a few
    /// thousand per article, so that two unrelated shingles share a value
    /// about once in a million pairs of articles, which moves a containment
    /// by a thousandth.
    public let shingles: [UInt32]
    /// One key per band (32 bits, the band's number mixed in, so equal keys
    /// in different bands do not meet). A text too short to match by
    /// similarity has one key, from its whole text: only an identical text
    /// meets it.
    public let bandKeys: [Int64]
    /// 16 bits of each of the 40 MinHash values (`signature(densified:)`);
    /// empty for a text too short to match by similarity.
    public let signature: [UInt16]
    /// Figures written in digits, and regions (codes) the text names, each
    /// with the shingles just before and just after it: where the other
    /// text has those words but not the figure, it says something else there.
    /// Both computed when asked: only a pair that passed every other test
    /// asks, and the gazetteer's scan (a dictionary look-up per character)
    /// would otherwise run on every article and every candidate it is
    /// compared with.
    public var figures: [String: [UInt32]] {
        var figures: [String: [UInt32]] = [:]
        for figure in StoryText.figures(figureSpans, in: scalars) {
            figures[figure.text, default: []] += Self.context(scalars, figure.start, figure.end)
        }
        return figures
    }
    public func regions(in gazetteer: Gazetteer) -> [String: [UInt32]] {
        var regions: [String: [UInt32]] = [:]
        for match in gazetteer.matches(in: scalars.map { Unicode.Scalar($0) ?? " " }) {
            regions[match.code, default: []] += Self.context(scalars, match.start, match.end)
        }
        return regions
    }
    /// The folded text and where its figures stand, kept for `figures` and
    /// `regions(in:)`.
    let scalars: [UInt32]
    let figureSpans: [(start: Int, end: Int, point: Int)]
    /// Folded characters (without punctuation and space).
    public let length: Int
    /// A hash of the whole folded text: identical texts, short ones too.
    public let textHash: UInt64

    public init(text: String) {
        self.init(StoryText(text))
    }

    public init(_ text: StoryText) {
        let scalars = text.scalars
        self.scalars = scalars
        length = scalars.count
        figureSpans = text.figureSpans
        var sketch = StorySketch.Builder()
        var members: [UInt32] = []
        members.reserveCapacity(max(0, scalars.count - Self.shingleLength + 1))
        for scalar in scalars {
            if let hash = sketch.append(scalar) { members.append(Self.member(hash)) }
        }
        let whole = sketch.finish()
        textHash = whole.textHash
        if members.isEmpty && !scalars.isEmpty { members.append(Self.member(textHash)) }
        members = Self.sorted(members)
        var distinct: [UInt32] = []
        distinct.reserveCapacity(members.count)
        for member in members where distinct.last != member { distinct.append(member) }
        shingles = distinct
        bandKeys = whole.bandKeys
        signature = whole.signature
    }

    /// The 32 bits of a shingle's hash that its set keeps.
    @inline(__always)
    static func member(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash ^ (hash >> 32)) }

    /// The hashes in ascending order, by a radix sort of three 11-bit
    /// passes: shingle hashes are uniform, for which this is a few times
    /// cheaper than comparison sorting (perf put the sort at 6% of ingest
    /// when it was by comparison). Short arrays take the standard sort.
    static func sorted(_ values: [UInt32]) -> [UInt32] {
        guard values.count > 64 else { return values.sorted() }
        let passes = 3, width: UInt32 = 11, digits = 1 << 11
        var counts = [Int](repeating: 0, count: passes * digits)
        var source = values
        var target = [UInt32](repeating: 0, count: values.count)
        counts.withUnsafeMutableBufferPointer { counts in
            for value in source {
                for pass in 0..<passes { counts[pass * digits + Int((value >> (UInt32(pass) * width)) & 0x7FF)] += 1 }
            }
            for pass in 0..<passes {
                var offset = 0
                for digit in 0..<digits {
                    let count = counts[pass * digits + digit]
                    counts[pass * digits + digit] = offset
                    offset += count
                }
                source.withUnsafeBufferPointer { from in
                    target.withUnsafeMutableBufferPointer { to in
                        for value in from {
                            let slot = pass * digits + Int((value >> (UInt32(pass) * width)) & 0x7FF)
                            to[counts[slot]] = value
                            counts[slot] += 1
                        }
                    }
                }
                swap(&source, &target)
            }
        }
        return source
    }

    /// The hash of the shingle starting at `start`.
    @inline(__always)
    static func shingle(_ scalars: [UInt32], at start: Int) -> UInt64 {
        StorySketch.Builder.hash((scalars[start], scalars[start + 1], scalars[start + 2], scalars[start + 3]), scalars[start + 4])
    }

    /// The shingles just before `start` and just after `end`, where the text has them.
    static func context(_ scalars: [UInt32], _ start: Int, _ end: Int) -> [UInt32] {
        var context: [UInt32] = []
        if start >= shingleLength { context.append(member(shingle(scalars, at: start - shingleLength))) }
        if end + shingleLength <= scalars.count { context.append(member(shingle(scalars, at: end))) }
        return context
    }

    /// Whether the text has this shingle.
    public func contains(shingle: UInt32) -> Bool {
        var low = 0, high = shingles.count
        while low < high {
            let middle = (low + high) / 2
            if shingles[middle] < shingle { low = middle + 1 } else { high = middle }
        }
        return low < shingles.count && shingles[low] == shingle
    }

    /// The MinHash values of the 40 bins, by one-permutation hashing: each
    /// shingle hash falls into a bin by its high bits and the least low bits
    /// of each bin are its value (`StorySketch.Builder`); an empty bin
    /// borrows the value of the next full one, shifted by the distance
    /// (Shrivastava and Li's densification), so that two texts agree on it
    /// as often as on a full bin. One pass over the shingles instead of 40.
    static func densified(_ minima: [UInt64]) -> [UInt64] {
        let count = bands * rowsPerBand
        var minima = minima
        if minima.contains(where: { $0 != .max }) {
            let filled = minima
            for bin in 0..<count where filled[bin] == .max {
                var distance = 1
                while filled[(bin + distance) % count] == .max { distance += 1 }
                minima[bin] = mix(filled[(bin + distance) % count] &+ UInt64(distance) &* seeds[bin])
            }
        }
        return minima
    }

    /// The LSH band keys of densified MinHash values: each band's rows
    /// mixed with its number.
    static func bandKeys(densified minima: [UInt64]) -> [Int64] {
        (0..<bands).map { band in
            var key = UInt64(band) &* 0x9E3779B97F4A7C15
            for row in 0..<rowsPerBand { key = mix(key ^ minima[band * rowsPerBand + row]) }
            return Int64(key >> 32)
        }
    }

    /// 16 bits of each densified MinHash value: the share of bins on which
    /// two texts agree estimates their Jaccard similarity, cheaply enough to
    /// refuse a candidate before its text is read (`StoryMatch.likely`).
    static func signature(densified minima: [UInt64]) -> [UInt16] {
        minima.map { UInt16(truncatingIfNeeded: $0 ^ ($0 >> 16)) }
    }

    /// Fixed seeds, from SplitMix64's sequence (for densified bins).
    static let seeds: [UInt64] = {
        var state: UInt64 = 0x5D0C0F1E5ED57041
        return (0..<(bands * rowsPerBand)).map { _ in
            state &+= 0x9E3779B97F4A7C15
            return mix(state)
        }
    }()

    /// SplitMix64's finalizer: a fast 64-bit mixing function.
    @inline(__always)
    static func mix(_ input: UInt64) -> UInt64 {
        var z = input
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }

    /// Shingles the two texts share.
    public func sharedShingles(with other: StoryFingerprint) -> Int {
        var i = 0, j = 0, shared = 0
        while i < shingles.count && j < other.shingles.count {
            if shingles[i] == other.shingles[j] { shared += 1; i += 1; j += 1 }
            else if shingles[i] < other.shingles[j] { i += 1 }
            else { j += 1 }
        }
        return shared
    }
}

extension StoryFingerprint: Equatable {
    /// Equal texts give equal fingerprints.
    public static func == (a: StoryFingerprint, b: StoryFingerprint) -> Bool {
        a.textHash == b.textHash && a.scalars == b.scalars && a.bandKeys == b.bandKeys
    }
}

extension StoryFingerprint {
    /// The text of an article that matching compares: its body, since a
    /// republisher often rewrites the headline; the title too when the
    /// body is too short to say much alone.
    public static func text(title: String, body: String) -> String {
        // Counting stops at the length that decides: a body is walked once
        // more only as far as that.
        !body.unicodeScalars.dropFirst(minimumCharacters * 2 - 1).isEmpty ? body : title + "\n" + body
    }
}
