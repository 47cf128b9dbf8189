/// The words dates are written with in Chinese text (`DateReading`).
enum DateWords {
    static let year: Unicode.Scalar = "年"
    static let month: Unicode.Scalar = "月"
    static let day: Unicode.Scalar = "日"
    /// 日, and 号 as people write it.
    static let dayMarks: [Unicode.Scalar] = ["日", "号", "號"]
    static let ten: Unicode.Scalar = "十"
    /// Numerals a year is written with, digit by digit (二〇二五).
    static let digits: [Unicode.Scalar] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// The value of a numeral digit (〇 or 零 is 0), or nil.
    static func yearDigit(_ scalar: Unicode.Scalar) -> Int? {
        if scalar == "零" { return 0 }
        return digits.firstIndex(of: scalar)
    }
}
