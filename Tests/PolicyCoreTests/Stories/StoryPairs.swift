/// Articles written for the story tests, and the kinds of edit a
/// republisher makes: each original comes with its copies (which must join
/// its story) and its hard negatives (which must not).
enum StoryPairs {
    struct Article {
        let title: String
        let paragraphs: [String]
        var body: String { paragraphs.joined(separator: "\n\n") }
    }

    struct Pair {
        let name: String
        let a: String
        let b: String
        let sameStory: Bool
    }

    static let shenzhen = Article(title: "深圳出台数字经济高质量发展行动方案", paragraphs: [
        "近日，深圳市人民政府办公厅印发《深圳市推动数字经济高质量发展行动方案（2025—2027年）》，提出以数据要素市场化配置改革为牵引，加快建设全球数字先锋城市。",
        "方案明确，到2027年，全市数字经济核心产业增加值突破1.2万亿元，占地区生产总值比重达到33%左右；培育营业收入超百亿元的数字经济龙头企业20家以上，新增国家级专精特新“小巨人”企业150家。",
        "在基础设施方面，深圳将新建5G基站1.5万个，建成智能算力规模超过8万PFLOPS的城市算力网，推动数据中心上架率提升至75%以上。",
        "在数据要素方面，方案提出建设深圳数据交易所二期，力争数据交易额年均增长30%，探索公共数据授权运营，打造一批可复制推广的数据应用场景。",
        "方案还从资金、人才、用地等方面提出保障措施，对新认定的市级数字化转型示范企业给予最高500万元的一次性奖励。",
    ])

    static let chengdu = Article(title: "成都推进智慧社区建设三年行动", paragraphs: [
        "日前，成都市社治委、市大数据中心联合发布《成都市智慧社区建设三年行动计划》，聚焦社区治理、公共服务和居民生活三大场景，推动数字技术与基层治理深度融合。",
        "计划提出，到2026年，全市建成智慧社区1000个，社区服务事项网上办理率达到85%，为独居老人安装智能监测设备5万套，实现社区“一网统管”全覆盖。",
        "成都将依托天府市民云平台，整合社区养老、托育、就业、医疗等服务入口，推动高频事项“掌上办、就近办”，打造“15分钟便民生活圈”。",
        "在建设机制上，计划鼓励社会资本参与社区数字化改造，对评为市级示范的智慧社区每个给予一次性奖励，并将建设成效纳入区（市）县目标考核。",
    ])

    static let zhejiang = Article(title: "浙江发布算力基础设施高质量发展实施意见", paragraphs: [
        "浙江省发展改革委、省经信厅等部门近日联合印发《关于推动算力基础设施高质量发展的实施意见》，提出打造全国一体化算力网络长三角枢纽节点的重要支撑区。",
        "意见明确，到2025年底，全省算力总规模达到20EFLOPS，其中智能算力占比超过40%；新建数据中心电能利用效率（PUE）降至1.3以下，存量数据中心改造后PUE不高于1.5。",
        "意见提出，支持杭州、宁波、湖州等地建设智算中心集群，推动算力资源跨区域调度，降低中小企业用算成本；鼓励发展算力租赁、模型即服务等新业态。",
        "浙江还将设立算力券，对使用省内智算资源开展模型训练的企业，按实际费用给予不超过30%的补助，单个企业每年最高200万元。",
        "下一步，浙江将建立算力基础设施监测平台，按季度发布全省算力发展指数，推动算力、算法、数据协同发展。",
    ])

    static let dataBureau = Article(title: "国家数据局：加快构建数据基础制度体系", paragraphs: [
        "国家数据局近日召开新闻发布会，介绍数据要素市场化配置改革进展。发布会上，有关负责人表示，将加快构建以数据产权、流通交易、收益分配、安全治理为重点的数据基础制度体系。",
        "数据显示，截至2024年底，全国数据生产总量达到41.06泽字节，同比增长25%；全国已挂牌成立数据交易机构超过50家，数据交易规模持续扩大。",
        "下一步，国家数据局将推进公共数据资源开发利用，出台企业数据开发利用、个人数据合规流通等政策文件，培育数据标注、数据合规等新业态。",
        "有关负责人还介绍，将在全国布局建设一批数据标注基地，开展“数据要素×”大赛，推动数据要素在工业制造、现代农业、商贸流通等12个行业领域发挥乘数效应。",
    ])

    // The traditional-script copy of dataBureau, as a Hong Kong or Taiwan
    // outlet would print it, with its own lead.
    static let dataBureauTraditional = Article(title: "國家數據局：加快構建數據基礎制度體系", paragraphs: [
        "國家數據局近日召開新聞發佈會，介紹數據要素市場化配置改革進展。發佈會上，有關負責人表示，將加快構建以數據產權、流通交易、收益分配、安全治理為重點的數據基礎制度體系。",
        "數據顯示，截至2024年底，全國數據生產總量達到41.06澤字節，同比增長25%；全國已掛牌成立數據交易機構超過50家，數據交易規模持續擴大。",
        "下一步，國家數據局將推進公共數據資源開發利用，出台企業數據開發利用、個人數據合規流通等政策文件，培育數據標註、數據合規等新業態。",
        "有關負責人還介紹，將在全國佈局建設一批數據標註基地，開展「數據要素×」大賽，推動數據要素在工業製造、現代農業、商貿流通等12個行業領域發揮乘數效應。",
    ])

    static let shenzhenTraditional = Article(title: "深圳出台數字經濟高質量發展行動方案", paragraphs: [
        "近日，深圳市人民政府辦公廳印發《深圳市推動數字經濟高質量發展行動方案（2025—2027年）》，提出以數據要素市場化配置改革為牽引，加快建設全球數字先鋒城市。",
        "方案明確，到2027年，全市數字經濟核心產業增加值突破1.2萬億元，佔地區生產總值比重達到33%左右；培育營業收入超百億元的數字經濟龍頭企業20家以上，新增國家級專精特新「小巨人」企業150家。",
        "在基礎設施方面，深圳將新建5G基站1.5萬個，建成智能算力規模超過8萬PFLOPS的城市算力網，推動數據中心上架率提升至75%以上。",
        "在數據要素方面，方案提出建設深圳數據交易所二期，力爭數據交易額年均增長30%，探索公共數據授權運營，打造一批可複製推廣的數據應用場景。",
        "方案還從資金、人才、用地等方面提出保障措施，對新認定的市級數字化轉型示範企業給予最高500萬元的一次性獎勵。",
    ])

    /// The formulaic news of a bulletin's 各地动态: one template, a region and its figures.
    static func template(city: String, scale: String, companies: String, year: String = "2027") -> Article {
        Article(title: "\(city)出台数字经济三年行动计划", paragraphs: [
            "近日，\(city)人民政府印发《\(city)数字经济高质量发展三年行动计划（2025—\(year)年）》，提出加快推进数字产业化和产业数字化，全面提升数字经济核心竞争力。",
            "计划明确，到\(year)年，全市数字经济核心产业规模达到\(scale)亿元，培育数字经济领军企业\(companies)家以上，建成一批具有示范效应的数字化转型标杆项目，数字经济核心产业增加值占地区生产总值比重显著提升。",
            "计划提出，将围绕集成电路、人工智能、工业互联网等重点领域实施产业链强链补链工程，推动重点行业企业数字化改造全覆盖，并从资金、人才、用地等方面加大保障力度。",
        ])
    }

    static func webPage(_ article: Article, site: String) -> String {
        (["首页 > 新闻中心 > 政策解读", article.title, "发布时间：2025-03-12 来源：\(site) 字号：大 中 小 【打印】【关闭】"]
         + article.paragraphs
         + ["责任编辑：王晓", "相关链接：政府信息公开 政务服务 互动交流", "上一篇：关于开展2025年度专项资金申报工作的通知", "主办单位：\(site) 网站标识码：4403000001"])
            .joined(separator: "\n")
    }

    static func replacing(_ article: Article, _ edits: [(String, String)]) -> String {
        var body = article.body
        for (old, new) in edits { body = body.replacingOccurrences(of: old, with: new) }
        return body
    }

    static let originals = [shenzhen, chengdu, zhejiang, dataBureau]

    static var pairs: [Pair] {
        var pairs: [Pair] = []
        func same(_ name: String, _ a: String, _ b: String) { pairs.append(Pair(name: name, a: a, b: b, sameStory: true)) }
        func different(_ name: String, _ a: String, _ b: String) { pairs.append(Pair(name: name, a: a, b: b, sameStory: false)) }
        for (index, article) in originals.enumerated() {
            let p = article.paragraphs
            let tag = "article \(index + 1)"
            same("\(tag): identical text", article.body, article.body)
            // The lead cut to its first clause, as a digest prints it.
            let lead = String(p[0].prefix(while: { $0 != "，" })) + "。"
            same("\(tag): trimmed lead", article.body, ([lead] + p.dropFirst()).joined(separator: "\n\n"))
            same("\(tag): last paragraph cut", article.body, p.dropLast().joined(separator: "\n\n"))
            same("\(tag): a paragraph added", article.body,
                 (p + ["业内人士认为，这一举措将进一步释放数字技术对经济发展的放大、叠加、倍增作用，为高质量发展注入新动能。"]).joined(separator: "\n\n"))
            same("\(tag): a web page with its boilerplate", article.body, webPage(article, site: "数字政策研究网"))
            same("\(tag): reworded and repunctuated", article.body,
                 replacing(article, [("近日，", "日前，"), ("，", ","), ("提出", "明确提出"), ("将", "将进一步"), ("“", "\""), ("”", "\"")]))
            same("\(tag): lead trimmed and a paragraph cut", ([lead] + p.dropFirst()).joined(separator: "\n\n"),
                 p.dropLast().joined(separator: "\n\n"))
        }
        same("traditional script copy", dataBureau.body, dataBureauTraditional.body)
        same("traditional script web page", shenzhen.body, webPage(shenzhenTraditional, site: "香港經濟導報"))
        same("traditional copy, last paragraph cut", shenzhenTraditional.paragraphs.dropLast().joined(separator: "\n\n"),
             shenzhen.body)

        // Formulaic news: one template, other regions and figures.
        let hefei = template(city: "合肥市", scale: "3000", companies: "50")
        different("template, other city and figures", hefei.body, template(city: "武汉市", scale: "5000", companies: "80").body)
        different("template, other city, same figures", hefei.body, template(city: "西安市", scale: "3000", companies: "50").body)
        different("template, same city, other figures", hefei.body, template(city: "合肥市", scale: "3500", companies: "60").body)
        different("template, same city, later year", hefei.body,
                  template(city: "合肥市", scale: "3000", companies: "50", year: "2028").body)
        different("template, other city, trimmed", hefei.body,
                  template(city: "长沙市", scale: "3000", companies: "50").paragraphs.dropLast().joined(separator: "\n\n"))
        // A follow-up on the same policy: the same words, new figures.
        different("follow-up with new figures", dataBureau.body,
                  replacing(dataBureau, [("截至2024年底", "截至2025年6月底"), ("41.06", "23.5"), ("25%", "18%"), ("超过50家", "超过60家")]))
        different("follow-up on the plan, one figure raised", shenzhen.body,
                  replacing(shenzhen, [("1.2万亿元", "1.5万亿元"), ("近日", "今年3月")]))
        // A round-up that quotes one item whole among others.
        different("round-up quoting the article", chengdu.body,
                  ([chengdu.body] + zhejiang.paragraphs + dataBureau.paragraphs + shenzhen.paragraphs).joined(separator: "\n\n"))
        // Articles on one topic that are not the same news.
        different("two articles on one theme", shenzhen.body, zhejiang.body)
        different("data bureau and Shenzhen data exchange", dataBureau.body, shenzhen.body)
        return pairs
    }
}
