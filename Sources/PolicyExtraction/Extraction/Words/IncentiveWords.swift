/// The words that name a grant beside its noun (GoalExtractor+Kind and the
/// incentive metric): support given as an amount, a voucher's name, a
/// one-off grant. Folded script, as `BodyText.scalars` holds it.
enum IncentiveWords {
    /// 给予最高300万元支持, 50万元的支持: support given as an amount.
    static let support = "支持"
    /// 券, a voucher: its name is the characters before it (数转券, 算力券).
    static let voucher = "券"
    /// What stops a voucher's name when walking back (的, 张, 每, 领).
    static let voucherNameStops: Set<Unicode.Scalar> = Set("的张每领".unicodeScalars)
    /// 一次性奖励: a one-off grant, named with its noun.
    static let oneOff = "一次性"
}
