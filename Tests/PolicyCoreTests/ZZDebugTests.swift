import Foundation
import Testing
@testable import PolicyCore

@Suite struct ZZDebug3 {
    @Test func bodies() throws {
        let text = TextDecoder.normalize(try String(contentsOf: TestPaths.realBulletin, encoding: .utf8))
        let bodies = try BulletinParser().parse(text).articles.map(\.body)
        print("C1", bodies.allSatisfy { !$0.contains("扫描二维码") && !$0.contains("原文链接") && !$0.contains("（来源：") && !$0.contains("\n\n\n") })
        print("C2", bodies[1].contains("全面贯彻落实党的二十大和二十届二中、三中全会精神"), bodies[2].contains("分批次、分阶段加大开放"), bodies[3].contains("制定智能工厂建设提升计划"), bodies[7].contains("给予每家不超过200万元的奖补；支持标杆示范带动，重点支持制造业企业"), bodies[9].contains("明确 AI 竞争与数据保护规则；"))
        print("C3", bodies[8].contains("\n\n2025年2月11日\n\n"), bodies[8].hasSuffix("Carly Kind 澳大利亚信息专员办公室 隐私专员"), bodies[9].contains("\n\n一、相关背景\n\n"), bodies[5].components(separatedBy: "\n\n《深圳市").count)
        print("C4", !bodies[12].contains("贵阳智能大数据战略研究院"), bodies[12].hasSuffix("让政府决策更聪明、企业服务更精准、群众生活更便利。"), bodies[0].hasPrefix("为贯彻落实党中央、国务院决策部署"))
        print("B8", bodies[8].suffix(300))
    }
}
