/// What a quantity's unit measures, so that callers need not read unit strings.
public enum UnitKind: String, Sendable, CaseIterable {
    /// 元 and every other currency.
    case money
    /// A share or growth rate in percent (%, 百分之, 成, 三分之一).
    case share
    /// 个百分点.
    case percentagePoint
    /// A classifier that counts things: 家, 个, 项, 台套, 人次.
    case count
    /// A physical or technical measure: 公里, 亩, EFLOPS, 毫秒, 标准机架, 倍.
    case measure
    /// A span of time: 年, 个月, 天, 小时.
    case duration
    /// No unit: a ratio or index (PUE 1.25).
    case ratio
}

extension Quantity {
    /// The kind of the unit, decided once in the number layer.
    public var unitKind: UnitKind {
        guard let unit else { return .ratio }
        if unit == "%" { return .share }
        if unit == "百分点" { return .percentagePoint }
        if unit.hasSuffix("元") || Self.currencies.contains(unit) { return .money }
        if Self.durations.contains(unit) { return .duration }
        if Self.measures.contains(unit) || unit.unicodeScalars.allSatisfy(\.isASCII) { return .measure }
        return .count
    }

    static let currencies: Set<String> = [
        "美元", "日元", "港元", "新台币", "英镑", "欧元", "澳元", "澳门元", "韩元", "卢布", "印度卢布", "卢比", "瑞士法郎",
        "法郎", "加元", "加拿大元", "新加坡元", "新西兰元", "泰铢", "奈拉", "比特币", "越南盾", "林吉特", "兰特", "里拉",
        "雷亚尔", "比索", "克朗", "迪拉姆", "披索",
    ]
    static let durations: Set<String> = ["年", "周年", "周", "星期", "礼拜", "小时", "钟头", "分钟", "工作日", "学年", "天", "月",
                                         "个月", "日", "季度"]
    static let measures: Set<String> = [
        "吨", "公斤", "千克", "克", "毫克", "微克", "斤", "盎司", "两", "米", "公里", "千米", "厘米", "公分", "分米", "毫米",
        "微米", "纳米", "皮米", "公尺", "英里", "英尺", "英寸", "海里", "光年", "里", "平方米", "平方公里", "平方千米",
        "平米", "立方米", "亩", "公顷", "毫升", "公升", "加仑", "平方", "立方", "升", "千瓦", "兆瓦", "吉瓦", "千瓦时", "兆瓦时",
        "吉瓦时", "千伏", "赫兹", "千赫", "兆赫", "千帕", "兆帕", "千卡", "焦耳", "千焦", "瓦", "伏", "帕", "卡", "摄氏度",
        "华氏度", "度", "倍", "岁", "周岁", "字", "标准箱", "标准机架", "毫秒", "微秒", "纳秒", "秒", "分",
    ]
}
