import CScriptFold

/// Traditional → simplified Chinese, one code point to one (CScriptFold's
/// table, generated from OpenCC): the rules of extraction are written once,
/// in simplified script, and read 力爭, 補助, 億 and 行動計劃 as 力争, 补助,
/// 亿 and 行动计划. Offsets stay those of the stored text.
public enum ScriptFold {
    /// The simplified form of `scalar`, or `scalar` itself.
    @inline(__always)
    public static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        // Below U+3400 there is no traditional character: ASCII, punctuation, kana.
        guard scalar.value >= 0x3400 else { return scalar }
        return Unicode.Scalar(policykb_fold_script(scalar.value)) ?? scalar
    }

    /// `text` with every traditional character folded.
    /// - Complexity: O(n), one table look-up (a binary search in ~4,100 pairs) per CJK scalar.
    public static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.map(fold))
        return String(scalars)
    }
}
