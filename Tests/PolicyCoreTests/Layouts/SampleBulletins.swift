import Foundation
import PolicykbTestSupport
import Testing
@testable import PolicyCore
@testable import PolicyExtraction

/// What a reader finds in each bulletin written for the layout tests
/// (`SampleData/`): the annotation the layout and damage tests check the
/// parser against.
struct SampleBulletin: Sendable, CustomTestStringConvertible {
    struct Article: Sendable {
        var section: String?
        var title: String
        var source: String?
        var links: Int
    }

    var file: String
    var layout: BulletinLayout
    var publication: String
    var date: String?
    var number: Int?
    var sections: [String]
    var articles: [Article]
    /// (article index, text its body must hold): paragraphs rejoined across
    /// page breaks, the last paragraph kept.
    var bodyHolds: [(Int, String)] = []
    /// Text no body may hold: running headers, footers, back matter, prefaces.
    var nowhere: [String] = []

    var testDescription: String { file }

    var url: URL { TestPaths.packageRoot.appendingPathComponent("SampleData/\(file)") }

    func text() throws -> String {
        TextDecoder.normalize(try String(contentsOf: url, encoding: .utf8))
    }

    static let all: [SampleBulletin] = [
        SampleBulletin(
            file: "zhcs-2025-12.txt", layout: .contents, publication: "智慧城市参考", date: "2025-06-16", number: 12,
            sections: ["城市治理", "地方实践"],
            articles: [
                Article(section: "城市治理", title: "住房城乡建设部部署推进城市运行管理服务平台建设", source: "住房和城乡建设部网站", links: 1),
                Article(section: "城市治理", title: "国家数据局启动城市全域数字化转型试点", source: "国家数据局", links: 1),
                Article(section: "地方实践", title: "成都市出台智慧社区建设三年行动计划", source: "成都市人民政府", links: 0),
                Article(section: "地方实践", title: "苏州工业园区发布数字孪生城市建设指引", source: "苏州工业园区管委会", links: 1),
            ],
            bodyHolds: [(2, "纳入年度目标考核。"), (2, "一次性奖励。\n\n计划要求")],
            nowhere: ["- 3 -", "智慧城市参考", "编辑部", "投稿邮箱"]),
        SampleBulletin(
            file: "szzl-2025-07.txt", layout: .contents, publication: "数字治理简报", date: "2025-07-08", number: 7,
            sections: ["政策解读", "各地动态"],
            articles: [
                Article(section: "政策解读", title: "中共中央办公厅 国务院办公厅印发关于加快公共数据资源开发利用的意见", source: "新华社", links: 0),
                Article(section: "政策解读", title: "国家网信办发布个人信息出境认证办法", source: "中国网信网", links: 1),
                Article(section: "各地动态", title: "广东省出台数字政府改革建设2025年工作要点", source: "广东省政务服务和数据管理局", links: 0),
                Article(section: "各地动态", title: "重庆市推进“一表通”智能报表改革", source: "重庆市大数据应用发展管理局", links: 0),
                Article(section: "各地动态", title: "5G＋工业互联网融合应用在宁波全面铺开", source: "宁波市经济和信息化局", links: 1),
            ],
            bodyHolds: [(3, "乡镇（街道）。")],
            nowhere: ["第2页", "第3页", "编者按", "【各地动态】", "秘书处", "联系人"]),
        SampleBulletin(
            file: "cyszh-2025-10.txt", layout: .headings, publication: "产业数字化月报", date: "2025-10-01", number: nil,
            sections: ["政策解读", "区域观察", "国际动态"],
            articles: [
                Article(section: "政策解读", title: "工业和信息化部等部门开展中小企业数字化转型城市试点", source: "工业和信息化部", links: 0),
                Article(section: "政策解读", title: "国务院常务会议审议通过关于推动未来产业创新发展的实施意见", source: "中国政府网", links: 1),
                Article(section: "区域观察", title: "长三角工业互联网一体化发展示范区建设提速", source: "上海市经济和信息化委员会", links: 0),
                Article(section: "区域观察", title: "安徽合肥打造“中国声谷”人工智能产业集群", source: "合肥市人民政府", links: 1),
                Article(section: "国际动态", title: "新加坡与欧盟签署数字贸易协定", source: "新华网", links: 0),
            ],
            bodyHolds: [(4, "更大的确定性。")],
            nowhere: ["★", "■", "— 3 —", "产业数字化月报", "卷首语", "攻坚阶段", "关于我们", "联系我们"]),
        SampleBulletin(
            file: "sjys-2025-05.txt", layout: .headings, publication: "数据要素观察", date: "2025-05-20", number: 5,
            sections: ["国家动态", "地方实践"],
            articles: [
                Article(section: "国家动态", title: "国家数据局发布数据领域常用名词解释", source: "国家数据局", links: 0),
                Article(section: "国家动态", title: "财政部印发关于加强数据资产管理的指导意见", source: "财政部", links: 0),
                Article(section: "地方实践", title: "北京国际大数据交易所上线数据资产登记平台", source: "北京日报", links: 0),
                Article(section: "地方实践", title: "贵州省加快建设全国一体化算力网络国家枢纽节点", source: "贵州省人民政府", links: 1),
            ],
            bodyHolds: [(1, "数据资产管理制度体系。")],
            nowhere: ["【", "编者按", "本期收录", "数据要素观察", "地方实践"]),
        SampleBulletin(
            file: "slcy-2025-09.txt", layout: .headings, publication: "算力产业通讯", date: "2025-09-01", number: 9,
            sections: ["政策动态", "地方动态", "行业会展"],
            articles: [
                Article(section: "政策动态", title: "国家发展改革委等部门深入实施“东数西算”工程", source: "国家发展改革委", links: 0),
                Article(section: "政策动态", title: "工业和信息化部发布算力互联互通行动计划", source: "工业和信息化部", links: 1),
                Article(section: "地方动态", title: "宁夏中卫加快建设“东数西算”示范基地", source: "中卫市人民政府", links: 0),
                Article(section: "地方动态", title: "内蒙古和林格尔集群启动智算中心集中签约活动", source: "内蒙古日报", links: 0),
                Article(section: "行业会展", title: "2025中国算力大会在山西大同举行", source: "人民网", links: 1),
            ],
            bodyHolds: [(2, "标准机架规模达到30万架，算力规模超过20000P"), (3, "内蒙古自治区近日在呼和浩特")],
            nowhere: ["— 7 —", "— 8 —", "算力产业通讯", "行业会展", "集中签约活动\n"]),
        SampleBulletin(
            file: "rgzn-2025-04.txt", layout: .contents, publication: "人工智能政策要览", date: "2025-04-28", number: 4,
            sections: ["政策前沿", "地方热点"],
            articles: [
                Article(section: "政策前沿", title: "国务院办公厅印发关于推动人工智能赋能制造业的实施意见", source: "中国政府网", links: 0),
                Article(section: "政策前沿", title: "2025年人工智能标准化工作要点发布", source: "国家标准化管理委员会", links: 1),
                Article(section: "政策前沿", title: "工业和信息化部等七部门印发关于推动未来产业创新发展的实施意见", source: "工业和信息化部", links: 0),
                Article(section: "地方热点", title: "上海发布具身智能产业发展实施方案", source: "上海市经济和信息化委员会", links: 0),
                Article(section: "地方热点", title: "5G-A与人工智能融合应用在深圳加速落地", source: "深圳特区报", links: 0),
            ],
            bodyHolds: [(4, "低空经济等领域规模化应用。")],
            nowhere: ["人工智能政策要览", "第4期", "编辑：", "0573"]),
    ]
}
