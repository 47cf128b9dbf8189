#if canImport(Glibc)
import Glibc
#endif

/// Substring search on folded UTF-8 (`SearchFolding`), Latin words whole:
/// what a phrase query must match, and what a snippet marks.
///
/// A valid UTF-8 needle found in valid UTF-8 starts and ends on character
/// boundaries, and an ASCII byte is never part of a longer character, so the
/// word-boundary test looks at single bytes.
public enum FoldedSearch {
    /// The byte offsets where `needle` occurs in `haystack`, skipping
    /// occurrences where a Latin letter or digit at an end of the needle
    /// continues a word of the haystack. With `firstOnly`, at most one.
    /// - Complexity: O(n) per occurrence, by glibc's two-way `memmem` (CJK
    ///   UTF-8 has one of a few lead bytes every third byte, which makes a
    ///   first-byte scan crawl).
    public static func occurrences(of needle: [UInt8], in haystack: [UInt8], firstOnly: Bool = false) -> [Int] {
        guard !needle.isEmpty, haystack.count >= needle.count else { return [] }
        var found: [Int] = []
        haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pattern in
                guard let base = hay.baseAddress, let first = pattern.baseAddress else { return }
                let wordAtStart = isWordByte(pattern[0]), wordAtEnd = isWordByte(pattern[pattern.count - 1])
                var from = 0
                while from <= hay.count - pattern.count,
                      let hit = memmem(base + from, hay.count - from, first, pattern.count) {
                    let start = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                    let end = start + pattern.count
                    let before = !wordAtStart || start == 0 || !isWordByte(hay[start - 1])
                    let after = !wordAtEnd || end == hay.count || !isWordByte(hay[end])
                    if before && after {
                        found.append(start)
                        if firstOnly { return }
                    }
                    from = start + 1
                }
            }
        }
        return found
    }

    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}

// memmem(3) is in glibc but not in the Glibc module (it needs _GNU_SOURCE).
@_silgen_name("memmem")
private func memmem(_ haystack: UnsafeRawPointer, _ haystackLength: Int, _ needle: UnsafeRawPointer,
                    _ needleLength: Int) -> UnsafeMutableRawPointer?
