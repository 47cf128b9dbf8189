/// Finds the region whose authority issued a policy or held an event
/// (README.md, "The database"): not every place a text names, but the first actor.
public struct RegionDetector: Sendable {
    public let gazetteer: Gazetteer

    /// National and international markers by first character, longest first.
    private let markersByFirst: [Unicode.Scalar: [(scalars: [Unicode.Scalar], code: String)]]

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        var markers: [Unicode.Scalar: [(scalars: [Unicode.Scalar], code: String)]] = [:]
        let lists = [(Self.nationalMarkers, "CN"), (Self.internationalMarkers, "INTL")]
            + Self.regionalGovernmentMarkers.map { ($0.bodies, $0.code) }
        for (list, code) in lists {
            for marker in list {
                let scalars = Array(marker.unicodeScalars)
                markers[scalars[0], default: []].append((scalars, code))
            }
        }
        markersByFirst = markers.mapValues { $0.sorted { $0.scalars.count > $1.scalars.count } }
    }

    /// Bodies of the central government: their mention makes a text national.
    static let nationalMarkers: [String] = [
        "国务院", "中共中央", "中央", "国家", "全国人大", "全国政协", "最高人民法院", "最高人民检察院",
        "工业和信息化部", "工信部", "财政部", "商务部", "科技部", "科学技术部", "教育部", "农业农村部",
        "交通运输部", "人力资源社会保障部", "人力资源和社会保障部", "人社部", "自然资源部", "生态环境部",
        "住房城乡建设部", "住房和城乡建设部", "文化和旅游部", "应急管理部", "公安部", "司法部", "民政部",
        "水利部", "外交部", "国防部", "退役军人事务部", "审计署", "海关总署", "税务总局", "中国人民银行",
        "人民银行", "证监会", "金融监管总局", "国资委", "市场监管总局", "网信办", "发展改革委", "发改委",
        "国家发展改革委", "国家数据局", "国家统计局", "国家知识产权局", "工业和信息化部门",
    ]

    /// Bodies of Hong Kong's, Macao's and Taiwan's governments, and their
    /// news agencies, whose names no other region uses (folded script): news
    /// of them is that region's even when it names no place (经济部推出…,
    /// 创新科技署宣布…), and a bare 元 there is its currency.
    static let regionalGovernmentMarkers: [(code: String, bodies: [String])] = [
        ("710000", ["行政院", "立法院", "经济部", "数位发展部", "国发会", "国家发展委员会", "国科会", "金管会", "卫福部",
                    "劳动部", "中企署", "中小及新创企业署", "工研院", "资策会", "中央社", "新台币", "台北"]),
        ("810000", ["创新科技署", "创新及科技局", "财政司司长", "港府", "本港", "投资推广署", "生产力促进局", "数字政策办公室",
                    "港元", "港币"]),
        ("820000", ["澳门元", "澳门特区", "经济及科技发展局", "澳门"]),
    ]

    /// Several countries or an international body.
    static let internationalMarkers: [String] = [
        "国际", "联合国", "欧盟", "欧洲联盟", "经合组织", "经济合作与发展组织", "OECD", "G7", "G20",
        "二十国集团", "七国集团", "金砖国家", "东盟", "世界银行", "国际货币基金组织", "世界贸易组织", "世贸组织",
        "多国", "两国", "三国", "四国", "五国", "六国", "七国", "八国", "九国", "十国",
    ]

    /// A candidate mention: where it starts, how long it is, which region.
    struct Mention {
        let start: Int
        let length: Int
        let code: String
    }

    /// The region of the first actor named in `text` (a title, a source
    /// line, an opening sentence), or nil when it names none.
    public func firstActorRegion(in text: String) -> String? {
        mentions(in: text).first?.code
    }

    /// Every mention, ordered by position, longest first at one position.
    /// - Complexity: O(n·k) for n characters and k names or markers sharing
    ///   a first character.
    func mentions(in text: String) -> [Mention] {
        let scalars = text.unicodeScalars.map(ScriptFold.fold)  // 臺灣 reads as 台湾
        var found = gazetteer.matches(in: scalars).map { Mention(start: $0.start, length: $0.end - $0.start, code: $0.code) }
        var seen = Set<String>()
        for i in scalars.indices {
            guard let candidates = markersByFirst[scalars[i]] else { continue }
            for marker in candidates where Gazetteer.hasPrefix(scalars, at: i, marker.scalars) {
                // Each marker counts at its first place only.
                let key = String(String.UnicodeScalarView(marker.scalars))
                if seen.insert(key).inserted { found.append(Mention(start: i, length: marker.scalars.count, code: marker.code)) }
            }
        }
        // 八部门联合印发: ministries acting together.
        if let bu = scalars.firstIndex(of: "部"), bu > 0, bu <= 3, bu + 1 < scalars.count, scalars[bu + 1] == "门",
           scalars[..<bu].allSatisfy({ "一二三四五六七八九十多两0123456789".unicodeScalars.contains($0) }) {
            found.append(Mention(start: 0, length: bu + 2, code: "CN"))
        }
        return found.sorted { $0.start != $1.start ? $0.start < $1.start : $0.length > $1.length }
    }

    /// The primary region of an article: the first actor of its title, else
    /// of its source, else of its opening sentence.
    public func articleRegion(title: String, source: String?, body: String) -> String? {
        if let code = firstActorRegion(in: title) { return code }
        if let source, let code = firstActorRegion(in: source) { return code }
        let opening = body.prefix(while: { $0 != "。" && $0 != "\n" })
        return firstActorRegion(in: String(opening))
    }
}
