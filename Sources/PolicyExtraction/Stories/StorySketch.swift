/// What ingest needs of a new article to find its candidate copies: its LSH
/// band keys, the hash of its whole folded text and its length, computed in
/// one pass over the text with no array of shingles and no sort. The full
/// `StoryFingerprint` (sorted shingles, figures, regions), which comparing
/// two texts needs, is made only for an article that has a candidate: most
/// articles have none, and the sketch is a fraction of its cost.
///
/// The keys are the fingerprint's own (both are built by `Builder`), so
/// bands stored from either meet.
public struct StorySketch: Sendable, Equatable {
    public let bandKeys: [Int64]
    /// 16 bits of each MinHash value (`StoryFingerprint.signature`).
    public let signature: [UInt16]
    public let textHash: UInt64
    /// Folded characters (without punctuation and space).
    public let length: Int

    public init(text: String) {
        var builder = Builder()
        for original in text.unicodeScalars {
            let value = StoryText.fold(original)
            if StoryText.isKept(value) { _ = builder.append(value) }
        }
        self = builder.finish()
    }

    init(bandKeys: [Int64], signature: [UInt16], textHash: UInt64, length: Int) {
        self.bandKeys = bandKeys
        self.signature = signature
        self.textHash = textHash
        self.length = length
    }

    /// Folded characters in, one at a time: keeps the last
    /// `StoryFingerprint.shingleLength` of them, the hash of all so far and
    /// the least value of each MinHash bin.
    struct Builder {
        private var window: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
        private var count = 0
        private var whole: UInt64 = 0xcbf29ce484222325
        private var minima = [UInt64](repeating: .max, count: StoryFingerprint.bands * StoryFingerprint.rowsPerBand)

        /// Takes the next character; returns the hash of the shingle it
        /// ends, once there are enough characters for one.
        @inline(__always)
        mutating func append(_ scalar: UInt32) -> UInt64? {
            count += 1
            whole = (whole ^ UInt64(scalar)) &* 0x100000001b3
            defer { window = (window.1, window.2, window.3, scalar) }
            guard count >= StoryFingerprint.shingleLength else { return nil }
            // FNV-1a over the five characters, as `StoryFingerprint.shingle`.
            var hash: UInt64 = 0xcbf29ce484222325
            hash = (hash ^ UInt64(window.0)) &* 0x100000001b3
            hash = (hash ^ UInt64(window.1)) &* 0x100000001b3
            hash = (hash ^ UInt64(window.2)) &* 0x100000001b3
            hash = (hash ^ UInt64(window.3)) &* 0x100000001b3
            hash = (hash ^ UInt64(scalar)) &* 0x100000001b3
            hash = StoryFingerprint.mix(hash)
            let bin = Int(((hash >> 32) &* UInt64(minima.count)) >> 32)
            let value = hash & 0xFFFF_FFFF
            if value < minima[bin] { minima[bin] = value }
            return hash
        }

        /// The sketch: bands for a text long enough to match by
        /// similarity; else one key from its whole text (only an identical
        /// text meets it); none for an empty one.
        func finish() -> StorySketch {
            let textHash = StoryFingerprint.mix(whole)
            guard count >= StoryFingerprint.minimumCharacters else {
                return StorySketch(bandKeys: count == 0 ? [] : [Int64(textHash >> 32)], signature: [], textHash: textHash, length: count)
            }
            let densified = StoryFingerprint.densified(minima)
            return StorySketch(bandKeys: StoryFingerprint.bandKeys(densified: densified),
                               signature: StoryFingerprint.signature(densified: densified), textHash: textHash, length: count)
        }
    }
}
