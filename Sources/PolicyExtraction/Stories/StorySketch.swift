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
        // `Builder`'s steps in one loop over local state: the sketch of every
        // article is made on a worker thread, and this is its whole cost.
        var minima = [UInt64](repeating: .max, count: Builder.bins)
        var window: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
        var count = 0
        var whole: UInt64 = Builder.offsetBasis
        minima.withUnsafeMutableBufferPointer { minima in
            func take(_ scalar: UInt32) {
                let value = StoryText.fold(scalar)
                guard StoryText.isKept(value) else { return }
                count += 1
                whole = (whole ^ UInt64(value)) &* Builder.prime
                if count >= StoryFingerprint.shingleLength { Builder.keepMinimum(Builder.hash(window, value), in: minima) }
                window = (window.1, window.2, window.3, value)
            }
            var text = text
            text.withUTF8 { bytes in
                // Valid UTF-8 (a Swift string's storage), decoded in place.
                var index = 0
                while index < bytes.count {
                    let lead = UInt32(bytes[index])
                    if lead < 0x80 {
                        take(lead)
                        index += 1
                    } else if lead < 0xE0 {
                        take((lead & 0x1F) << 6 | UInt32(bytes[index + 1]) & 0x3F)
                        index += 2
                    } else if lead < 0xF0 {
                        take((lead & 0x0F) << 12 | (UInt32(bytes[index + 1]) & 0x3F) << 6 | UInt32(bytes[index + 2]) & 0x3F)
                        index += 3
                    } else {
                        take((lead & 0x07) << 18 | (UInt32(bytes[index + 1]) & 0x3F) << 12 | (UInt32(bytes[index + 2]) & 0x3F) << 6
                             | UInt32(bytes[index + 3]) & 0x3F)
                        index += 4
                    }
                }
            }
        }
        self = Builder.sketch(minima: minima, whole: whole, count: count)
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
        static let bins = StoryFingerprint.bands * StoryFingerprint.rowsPerBand
        static let offsetBasis: UInt64 = 0xcbf29ce484222325
        static let prime: UInt64 = 0x100000001b3
        private var window: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
        private var count = 0
        private var whole: UInt64 = offsetBasis
        private var minima = [UInt64](repeating: .max, count: bins)

        /// FNV-1a over the five characters ending with `last`, mixed
        /// (`StoryFingerprint.shingle`).
        @inline(__always)
        static func hash(_ window: (UInt32, UInt32, UInt32, UInt32), _ last: UInt32) -> UInt64 {
            var hash = offsetBasis
            hash = (hash ^ UInt64(window.0)) &* prime
            hash = (hash ^ UInt64(window.1)) &* prime
            hash = (hash ^ UInt64(window.2)) &* prime
            hash = (hash ^ UInt64(window.3)) &* prime
            hash = (hash ^ UInt64(last)) &* prime
            return StoryFingerprint.mix(hash)
        }

        /// A shingle's hash falls into a bin by its high bits; the bin keeps
        /// the least of its low bits.
        @inline(__always)
        static func keepMinimum(_ hash: UInt64, in minima: UnsafeMutableBufferPointer<UInt64>) {
            let bin = Int(((hash >> 32) &* UInt64(bins)) >> 32)
            let value = hash & 0xFFFF_FFFF
            if value < minima[bin] { minima[bin] = value }
        }

        /// Takes the next character; returns the hash of the shingle it
        /// ends, once there are enough characters for one.
        @inline(__always)
        mutating func append(_ scalar: UInt32) -> UInt64? {
            count += 1
            whole = (whole ^ UInt64(scalar)) &* Self.prime
            defer { window = (window.1, window.2, window.3, scalar) }
            guard count >= StoryFingerprint.shingleLength else { return nil }
            let hash = Self.hash(window, scalar)
            minima.withUnsafeMutableBufferPointer { Self.keepMinimum(hash, in: $0) }
            return hash
        }

        func finish() -> StorySketch { Self.sketch(minima: minima, whole: whole, count: count) }

        /// The sketch: bands for a text long enough to match by
        /// similarity; else one key from its whole text (only an identical
        /// text meets it); none for an empty one.
        static func sketch(minima: [UInt64], whole: UInt64, count: Int) -> StorySketch {
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
