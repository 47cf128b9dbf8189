import PolicyExtraction

/// An article's date in SQL over `articles a JOIN issues i`: its own (a
/// whole day, from a byline or JSON Lines), else its issue's, which may be
/// known to the month, quarter or year only (`issues.date_precision`).
enum ArticleDateSQL {
    /// The date, the period's first day for a coarser issue date.
    static let date = "coalesce(a.published_on, i.issue_date)"
    /// `day`, `month`, `quarter` or `year`.
    static let precision = "CASE WHEN a.published_on IS NULL THEN i.date_precision ELSE 'day' END"

    /// The article's period ends on or after `since`: its first day is on
    /// or after the first day of the period of its precision holding
    /// `since` (an issue of October 2025 is kept from 2025-10-15). Four `?`.
    static let endsOnOrAfter = """
        \(date) >= CASE \(precision) WHEN 'day' THEN ? WHEN 'month' THEN ? WHEN 'quarter' THEN ? ELSE ? END
        """

    static func endsOnOrAfterValues(_ since: String) -> [String] {
        DatePrecision.allCases.map { $0.periodStart(holding: since) }
    }

    /// The article's period starts on or before `until`: its first day
    /// does, whatever its precision. One `?`.
    static let startsOnOrBefore = "\(date) <= ?"
}

extension DatePrecision {
    /// The precision a query's `date_precision` column holds; a day when
    /// absent or unknown.
    init(column text: String?) {
        self = text.flatMap(DatePrecision.init(rawValue:)) ?? .day
    }
}

/// A row with an article's date and its precision.
public protocol PeriodDated {
    var issueDate: String? { get }
    var datePrecision: DatePrecision { get }
}

extension PeriodDated {
    /// The date as its period (`2025-10-08`, `2025-10`, `2025-Q3`, `2025`):
    /// what tables, CSV, workbooks, JSON and the pages print.
    public var issueDateText: String? { issueDate.map(datePrecision.label) }

    var issueDateLabel: RecordValue { RecordValue(issueDateText) }
}

extension ArticleRow: PeriodDated {}
extension SearchHit: PeriodDated {}
extension PolicyArticleMention: PeriodDated {}
