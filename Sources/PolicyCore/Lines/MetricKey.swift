import PolicyExtraction
import PolicykbDigest

/// A goal's metric reduced to what makes two goals the same target:
/// scripts folded, punctuation and white space gone, the region's own name
/// and scope words (全市, 我省) dropped, equivalent forms made one
/// (总规模 → 规模).
public enum MetricKey {
    /// Words that say only where the goal holds, already said by its region.
    static let scopeWords = ["全市", "全省", "全区", "全县", "全州", "全盟", "全国", "全域", "我省", "我市", "我区", "我县",
                             "本市", "本省", "本区", "本县", "全自治区"]

    /// Forms that mean the same metric, each written as the one after it.
    /// Longer forms first, so that 总规模 is read before 规模 could be.
    static let equivalentForms: [(String, String)] = [
        ("产业总规模", "产业规模"), ("总规模", "规模"), ("总产值", "产值"), ("营业收入", "营收"), ("主营业务收入", "营收"),
        ("总数量", "数量"), ("总数", "数量"), ("个数", "数量"), ("比重", "占比"), ("增长率", "增速"), ("增幅", "增速"),
        ("总投资", "投资"), ("总量", "规模"),
    ]

    /// Suffixes a region's official name has and its short name lacks.
    static let regionSuffixes = ["维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "地区", "省", "市", "盟"]

    /// The key of `metric` for a goal of the region named `regionName`.
    /// Works on code points: a key is made for every goal a line is built
    /// from, and Foundation's string replacing costs microseconds a call.
    public static func key(_ metric: String, regionName: String?) -> String {
        var text = Array(ScriptFold.fold(metric).unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil })
        for word in regionWords(regionName).map({ Array($0.unicodeScalars) }) + scopeScalars { replace(word, with: [], in: &text) }
        for (form, canonical) in equivalentScalars { replace(form, with: canonical, in: &text) }
        return text.isEmpty ? ScriptFold.fold(metric) : String(String.UnicodeScalarView(text))
    }

    static let scopeScalars: [[Unicode.Scalar]] = scopeWords.map { Array($0.unicodeScalars) }
    static let equivalentScalars: [([Unicode.Scalar], [Unicode.Scalar])] =
        equivalentForms.map { (Array($0.0.unicodeScalars), Array($0.1.unicodeScalars)) }

    /// Every occurrence of `word` in `text` replaced, left to right.
    static func replace(_ word: [Unicode.Scalar], with replacement: [Unicode.Scalar], in text: inout [Unicode.Scalar]) {
        guard !word.isEmpty, text.count >= word.count, text.contains(word[0]) else { return }
        var out: [Unicode.Scalar] = [], index = 0
        out.reserveCapacity(text.count)
        while index < text.count {
            if index + word.count <= text.count, text[index..<index + word.count].elementsEqual(word) {
                out.append(contentsOf: replacement)
                index += word.count
            } else {
                out.append(text[index])
                index += 1
            }
        }
        text = out
    }

    /// Keys already made, by metric and region name: metrics repeat, so
    /// grouping many goals makes each key once.
    struct Cache {
        private var keys: [String: String] = [:]

        mutating func key(of goal: GoalRow) -> String {
            if let stored = goal.storedMetricKey { return stored }
            return key(metric: goal.metric, regionName: goal.regionName)
        }

        mutating func key(metric: String, regionName: String?) -> String {
            let input = metric + "\u{0}" + (regionName ?? "")
            if let known = keys[input] { return known }
            let key = MetricKey.key(metric, regionName: regionName)
            keys[input] = key
            return key
        }
    }

    /// A digest of the word tables keys are made with, stored beside the
    /// keys (`line_key_rules`): keys made by other rules are made again.
    public static let rulesDigest: String = {
        let tables = [scopeWords.joined(separator: ","), equivalentForms.map { $0.0 + ">" + $0.1 }.joined(separator: ","),
                      regionSuffixes.joined(separator: ","), "v1"]
        return SHA256.hex(Array(tables.joined(separator: "\n").utf8))
    }()

    /// The region's name and its short form: 深圳市 and 深圳.
    static func regionWords(_ regionName: String?) -> [String] {
        guard let name = regionName.map(ScriptFold.fold), !name.isEmpty else { return [] }
        guard let suffix = regionSuffixes.first(where: { name.hasSuffix($0) && name.count > $0.count + 1 }) else { return [name] }
        return [name, String(name.dropLast(suffix.count))]
    }
}
