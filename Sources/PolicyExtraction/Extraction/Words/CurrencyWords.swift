/// The currencies a bare 元 may be (GoalExtractor.currency): in Hong Kong,
/// Macao and Taiwan news it is the local one, unless 人民币 stands beside it.
enum CurrencyWords {
    /// The unit the scanner gives a bare amount.
    static let yuan = "元"
    /// Local currencies by the first two digits of a region's code.
    static let localCurrencies: [(regionPrefix: String, unit: String)] = [("81", "港元"), ("82", "澳门元"), ("71", "新台币")]
    /// Words that say an amount is in renminbi (folded: 人民幣 reads as 人民币).
    static let renminbiNames = ["人民币", "RMB", "CNY"]
}
