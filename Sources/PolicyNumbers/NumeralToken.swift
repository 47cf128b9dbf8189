import Foundation

/// What one scalar means inside a Chinese numeral.
enum NumeralToken: Equatable {
    /// 〇/零 0, 一/壹/幺 1, 二/贰/两/兩 2 … 九/玖 9.
    case digit(UInt8)
    /// 廿 20, 卅 30, 卌 40: a digit and 十 in one character; the payload is the digit.
    case tens(UInt8)
    /// 十/拾, 百/佰, 千/仟: multipliers inside a four-digit group; the payload is the exponent.
    case small(UInt8)
    /// 万/萬 and 亿/億: multipliers of whole groups; the payload is the exponent (4 or 8).
    case big(UInt8)
    /// 半: one half.
    case half

    /// The token for one scalar, or nil when the scalar is not part of a Chinese numeral.
    ///
    /// 点, the floor markers 余/多/几 and the classifier 个 are handled by the reader, because
    /// they only mean something next to a numeral.
    static func of(_ scalar: Unicode.Scalar) -> NumeralToken? {
        switch scalar {
        case "零", "〇", "○": return .digit(0)
        case "一", "壹", "幺", "弌": return .digit(1)
        case "二", "贰", "貳", "两", "兩", "倆", "俩", "弍": return .digit(2)
        case "三", "叁", "參", "叄", "弎": return .digit(3)
        case "四", "肆": return .digit(4)
        case "五", "伍": return .digit(5)
        case "六", "陆", "陸": return .digit(6)
        case "七", "柒": return .digit(7)
        case "八", "捌": return .digit(8)
        case "九", "玖": return .digit(9)
        case "十", "拾": return .small(1)
        case "百", "佰": return .small(2)
        case "千", "仟": return .small(3)
        case "廿": return .tens(2)
        case "卅": return .tens(3)
        case "卌": return .tens(4)
        case "万", "萬": return .big(4)
        case "亿", "億": return .big(8)
        case "半": return .half
        default: return nil
        }
    }

    /// 两 and its variants: a digit only in front of a multiplier or a classifier; at the end of
    /// a numeral it is the weight unit 两 (`两万两` is 20000 两).
    static func isLiang(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "两", "兩", "倆", "俩": return true
        default: return false
        }
    }

    /// A digit read one by one (二〇二五, 一七二零, 幺八九), where 两 never occurs.
    static func plainDigit(_ scalar: Unicode.Scalar) -> UInt32? {
        if isLiang(scalar) { return nil }
        if case .digit(let d)? = of(scalar) { return UInt32(d) }
        return nil
    }

    /// A digit after a decimal point: Chinese (plain) or Arabic.
    static func fractionDigit(_ scalar: Unicode.Scalar) -> UInt32? {
        if let d = ScalarClass.arabicDigit(scalar.value) { return d }
        return plainDigit(scalar)
    }

    static func isPoint(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "点" || scalar == "點"
    }

    /// 余, 多 and 几 after a figure: more than the figure, which stays the value.
    static func isFloorMarker(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "余", "餘", "多", "几", "幾": return true
        default: return false
        }
    }

    static func isJi(_ scalar: Unicode.Scalar) -> Bool { scalar == "几" || scalar == "幾" }

    /// True for a scalar that can start or continue a numeral: an Arabic digit or a Chinese
    /// digit, multiplier or 半.
    static func isNumeralScalar(_ scalar: Unicode.Scalar) -> Bool {
        ScalarClass.isArabicDigit(scalar.value) || of(scalar) != nil
    }
}

extension Decimal {
    /// 10 raised to `exponent`, exactly.
    static func power10(_ exponent: Int) -> Decimal {
        Decimal(sign: .plus, exponent: exponent, significand: 1)
    }

    /// 0.5, exactly.
    static let half = Decimal(sign: .plus, exponent: -1, significand: 5)
    /// 0.1, exactly.
    static let tenth = Decimal(sign: .plus, exponent: -1, significand: 1)
    /// 0.01, exactly.
    static let hundredth = Decimal(sign: .plus, exponent: -2, significand: 1)
}
