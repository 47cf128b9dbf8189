import Testing
@testable import PolicyCore
@testable import PolicyExtraction

@Suite struct RegionDetectorTests {
    let detector = RegionDetector(gazetteer: TestGazetteer.shared)

    @Test(arguments: [
        ("国家数据局数据资源司在北京召开推动数据企业发展工作座谈会", "CN"),
        ("中央网信办等四部门联合开展数字乡村强农惠农富农专项行动", "CN"),
        ("八部门联合印发新型储能制造业高质量发展行动方案", "CN"),
        ("北京发布具身智能科技创新与产业培育三年行动计划", "110000"),
        ("广西发布关于加强行政事业单位数据资产管理的通知", "450000"),
        ("南昌出台十条举措支持制造业全面数字化转型", "360100"),
        ("贵阳贵安 Deepseek 部署应用新闻发布会举行", "520100"),
        ("杭州市发布算力券实施细则", "330100"),
        ("内蒙古自治区推进算力枢纽建设", "150000"),
        ("延边朝鲜族自治州发布数字乡村方案", "222400"),
        ("英国 ICO 发布关于人工智能与版权咨询回应", "GB"),
        ("美国国家标准与技术研究院发布人工智能风险管理框架", "US"),
        ("五国关于构建值得信赖的数据治理框架的联合声明", "INTL"),
        ("国际人工智能安全报告：先进人工智能安全国际科学报告", "INTL"),
        ("欧盟人工智能法案正式生效", "INTL"),
        ("香港特区政府发布数字经济发展策略", "810000"),
        // Taiwan's municipalities and counties, in either script, are Taiwan.
        ("臺北市政府公布智慧城市推動方案", "710000"),
        ("高雄市推出數位轉型補助計畫", "710000"),
        ("屏東縣啟動智慧農業示範計畫", "710000"),
    ])
    func firstActorOfATitle(title: String, code: String) {
        #expect(detector.firstActorRegion(in: title) == code)
    }

    @Test func ambiguousShortNamesAreNotReadInRunningText() {
        // 阿里 (Alibaba), 中山 (Sun Yat-sen University) and 大理石 are not places here.
        #expect(detector.firstActorRegion(in: "阿里云发布大模型") == nil)
        #expect(detector.firstActorRegion(in: "中山大学团队发布报告") == nil)
        // Their full names still are.
        #expect(detector.firstActorRegion(in: "中山市出台数字化转型措施") == "442000")
        // Only Taiwan's full names are read: 台中 stands inside 平台中.
        #expect(detector.firstActorRegion(in: "平台中的数据要素流通") == nil)
    }

    @Test func fallingBackToSourceThenBody() {
        #expect(detector.articleRegion(title: "数字企业座谈会召开", source: "贵州省大数据发展管理局", body: "") == "520000")
        #expect(detector.articleRegion(title: "座谈会召开", source: nil, body: "近日，福建省出台了方案。其他") == "350000")
        #expect(detector.articleRegion(title: "座谈会召开", source: "某报", body: "近日，会议召开。") == nil)
    }
}
