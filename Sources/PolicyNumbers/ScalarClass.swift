import CScriptFold
import Foundation

/// Classes of Unicode scalars that the numeral reader and the scanner test, on raw scalar values.
///
/// Everything here is a pure function of one scalar, so that the hot loop of the scanner never
/// builds a `Character` or a `String`.
enum ScalarClass {
    /// The value of an ASCII or full-width digit (`0`…`9`, `０`…`９`).
    @inline(__always)
    static func arabicDigit(_ v: UInt32) -> UInt32? {
        if v &- 0x30 < 10 { return v &- 0x30 }
        if v &- 0xFF10 < 10 { return v &- 0xFF10 }
        return nil
    }

    @inline(__always)
    static func isArabicDigit(_ v: UInt32) -> Bool {
        v &- 0x30 < 10 || v &- 0xFF10 < 10
    }

    /// Space that PDF extraction leaves between the parts of one phrase; line breaks are not
    /// included, because they may end a paragraph.
    @inline(__always)
    static func isHorizontalSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x20, 0x09, 0xA0, 0x3000, 0x2002...0x200B, 0x202F, 0x205F: return true
        default: return false
        }
    }

    @inline(__always)
    static func isLineBreak(_ v: UInt32) -> Bool {
        v == 0x0A || v == 0x0D || v == 0x2028 || v == 0x2029 || v == 0x85
    }

    /// A CJK ideograph: the characters that make up Chinese words
    /// (`policykb_is_han`, the project's one classifier).
    @inline(__always)
    static func isIdeograph(_ v: UInt32) -> Bool { policykb_is_han(v) != 0 }

    /// An ASCII or full-width Latin letter.
    @inline(__always)
    static func isLatinLetter(_ v: UInt32) -> Bool {
        let f = v >= 0xFF01 && v <= 0xFF5E ? v - 0xFEE0 : v
        return (f >= 0x41 && f <= 0x5A) || (f >= 0x61 && f <= 0x7A)
    }

    /// Opening quotation marks: a figure right after one is a name or a code (“8810”, “1+3+N”).
    static func isOpeningQuote(_ v: UInt32) -> Bool {
        switch v {
        case 0x201C, 0x2018, 0x300C, 0x300E, 0x301D, 0xFF02: return true
        default: return false
        }
    }

    /// Punctuation that ends a clause; used to bound look-behind for context words.
    static func isClausePunctuation(_ v: UInt32) -> Bool {
        switch v {
        case 0x3002, 0xFF0C, 0xFF1B, 0xFF1A, 0x3001, 0xFF01, 0xFF1F, 0x2C, 0x3B, 0x3A, 0x21, 0x3F,
             0x0A, 0x0D:
            return true
        default:
            return false
        }
    }

    /// Folds a scalar for table look-ups: full-width ASCII to ASCII, and the traditional
    /// characters that occur in units, comparators and currency names to simplified ones.
    ///
    /// The scanned text itself is never changed; only comparisons go through this function.
    @inline(__always)
    static func fold(_ v: UInt32) -> UInt32 {
        if v < 0x80 { return v }
        if v >= 0xFF01 && v <= 0xFF5E { return v - 0xFEE0 }
        if v < 0x4E00 { return v }
        return traditionalToSimplified[v] ?? v
    }

    /// Traditional → simplified pairs for the characters that the scanner's tables contain.
    private static let traditionalToSimplified: [UInt32: UInt32] = {
        let pairs = """
            個个臺台項项條条噸吨輛辆張张萬万億亿兩两倆两俩两歲岁週周時时鐘钟門门場场點点種种類类\
            戶户顆颗畝亩頃顷裏里裡里侖仑攝摄華华幣币圓圆塊块錢钱銭钱釐厘歐欧鎊镑韓韩盧卢頭头隻只\
            間间棟栋處处筆笔節节輪轮頁页冊册單单組组級级屆届號号樓楼層层餘余幾几約约於于過过達达\
            滿满內内將将為为溫温樣样連连開开無无體体數数據据額额價价產产營营銷销電电熱热茲兹納纳\
            盞盏銖铢負负陸陆貳贰參叁叄叁準准還还進进計计總总當当對对雙双區区縣县國国業业術术網网\
            統统經经費费貼贴補补獎奖勵励資资質质禮礼邊边與与來来長长碼码較较兒儿漲涨減减專专帶带\
            發发動动眾众爾尔擬拟異异羅罗馬马亞亚蘭兰聯联麼么臨临寬宽灣湾識识鑒鉴談谈傳传設设備备\
            終终機机勞劳務务優优鏈链團团羣群勢势龍龙議议維维現现階阶極极門门際际員员與与權权據据\
            鍾钟噸吨噸吨紀纪範范圍围億亿萬万滬沪莊庄純纯嚴严
            """
        var table: [UInt32: UInt32] = [:]
        var scalars = pairs.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\\" }
            .map(\.value)
        if scalars.count % 2 == 1 { scalars.removeLast() }
        var index = 0
        while index + 1 < scalars.count {
            table[scalars[index]] = scalars[index + 1]
            index += 2
        }
        return table
    }()
}
