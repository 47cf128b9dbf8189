import Foundation
import PolicyExtraction

/// Dates a user types, as the first or last day they name: the CLI's
/// --since/--until and the web pages' date boxes read them alike.
public enum DateBound {
    /// 2024 → 2024-01-01, 2024-03 → 2024-03-01, 2024-03-05 → itself.
    public static func start(_ text: String) -> String? {
        guard let parts = parts(text) else { return nil }
        return String(format: "%04d-%02d-%02d", parts.0, parts.1 ?? 1, parts.2 ?? 1)
    }

    /// 2024 → 2024-12-31, 2024-02 → 2024-02-31 (compared as text, the last day is enough).
    public static func end(_ text: String) -> String? {
        guard let parts = parts(text) else { return nil }
        return String(format: "%04d-%02d-%02d", parts.0, parts.1 ?? 12, parts.2 ?? 31)
    }

    static func parts(_ text: String) -> (Int, Int?, Int?)? {
        let pieces = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map { Int($0) }
        guard (1...3).contains(pieces.count), pieces.allSatisfy({ $0 != nil }), let year = pieces[0],
              (1900...2200).contains(year) else { return nil }
        let month = pieces.count > 1 ? pieces[1] : nil
        let day = pieces.count > 2 ? pieces[2] : nil
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            // The last day of the month: 2025-02-30 is not a date.
            let days = [31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            guard day >= 1, day <= days[(month ?? 1) - 1] else { return nil }
        }
        return (year, month, day)
    }
}
