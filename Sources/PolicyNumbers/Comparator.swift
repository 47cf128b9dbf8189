/// How a stated figure bounds the quantity it describes.
///
/// Chinese policy text qualifies a figure with words before it (不少于, 超过, 约) or after it
/// (以上, 以内, 左右, 余). `以上` and `以下` include the figure itself, following the PRC Civil Code,
/// art. 1259; `余`, `多` and `几` after a figure mean "more than" the figure, which is kept as the
/// value (`5000余次` is `> 5000`).
public enum Comparator: String, Sendable, Codable, CaseIterable {
    /// 不少于, 以上, 至少, 不低于, 及以上, （含）以上, 或以上, 不小于, 最低, 起码.
    case atLeast = ">="
    /// 超过, 超, 过, 突破, 逾, 大于, 高于, 多于, and X余, X多, X几 (the value is the floor X).
    case greaterThan = ">"
    /// 不超过, 以内, 以下, 最高, 上限, 最多, 不高于, 不大于, 之内, 封顶.
    case atMost = "<="
    /// 不足, 低于, 小于, 不到, 未满.
    case lessThan = "<"
    /// 等于. A plain figure carries no comparator at this level.
    case equal = "="
    /// 左右, 约, 近, 上下, 大约, 接近, 前后 (after a number).
    case approximately = "~"
}
