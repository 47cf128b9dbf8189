/// How finely a date is known: an issue dated by its month (2025年10月号),
/// its quarter (2025年第3季度) or its year alone is stored as the period's
/// first day with this precision, and filters, sorts and prints as the period.
public enum DatePrecision: String, Sendable, Codable, CaseIterable {
    case day, month, quarter, year

    /// The date as a reader writes the period: `2025-10-08`, `2025-10`,
    /// `2025-Q4`, `2025`. `date` is the period's first day (`YYYY-MM-DD`).
    public func label(_ date: String) -> String {
        let utf8 = Array(date.utf8)
        guard utf8.count >= 7 else { return date }
        switch self {
        case .day:
            return date
        case .month:
            return String(decoding: utf8[0..<7], as: UTF8.self)
        case .quarter:
            let month = Int(String(decoding: utf8[5..<7], as: UTF8.self)) ?? 1
            return String(decoding: utf8[0..<4], as: UTF8.self) + "-Q\((month - 1) / 3 + 1)"
        case .year:
            return String(decoding: utf8[0..<4], as: UTF8.self)
        }
    }

    /// The first day of the period of this precision that holds `date`
    /// (`YYYY-MM-DD`): an issue of this precision dated on or after it
    /// overlaps every day from `date` on. Used for `--since`.
    public func periodStart(holding date: String) -> String {
        let utf8 = Array(date.utf8)
        guard utf8.count == 10, let month = Int(String(decoding: utf8[5..<7], as: UTF8.self)) else { return date }
        let year = String(decoding: utf8[0..<4], as: UTF8.self)
        switch self {
        case .day: return date
        case .month: return String(decoding: utf8[0..<7], as: UTF8.self) + "-01"
        case .quarter:
            let first = (month - 1) / 3 * 3 + 1
            return year + (first < 10 ? "-0" : "-") + "\(first)-01"
        case .year: return year + "-01-01"
        }
    }
}
