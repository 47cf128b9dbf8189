/// How many terminal cells text takes: CJK and full-width characters two,
/// combining marks and match marks none. The command line's tables and the
/// workbook's column widths measure text the same way.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        // Below the combining marks (U+0300) every scalar takes one cell:
        // no lookup of its category for Latin text.
        if scalar.value < 0x300 { return 1 }
        if MatchMark.isMark(scalar) { return 0 }
        return switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD: 2
        default: scalar.properties.generalCategory == .nonspacingMark ? 0 : 1
        }
    }
}
