import Foundation
import Testing
@testable import PolicyExtraction

/// Tables reach extraction as rows and cells (EXTRACTION.md §8): each cell a
/// goal of its row's metric, unit from the unit column, the header or the
/// metric's brackets, year from its column.
@Suite struct TableExtractionTests {
    func goals(_ text: String, issueYear: Int) throws -> [ExtractedGoal] {
        try TextExtraction.goals(text, issueYear: issueYear)
    }

    @Test func anHTMLTableKeepsItsRowsAndCells() throws {
        let page = """
        <html><body><p>附表：全省算力发展主要指标</p>
        <table><tr><th>指标</th><th>单位</th><th>2025年</th><th>2028年目标</th></tr>
        <tr><td>智能算力规模</td><td>EFLOPS</td><td>35</td><td>120</td></tr>
        <tr><td>数据中心机架数</td><td>万架</td><td>8.5</td><td>15</td></tr>
        <tr><td>算力产业规模</td><td>亿元</td><td>900</td><td>2000</td></tr></table></body></html>
        """
        let text = HTMLText.text(fromHTML: page)
        #expect(text.contains("智能算力规模 | EFLOPS | 35 | 120"), "\(text)")
        let found = try goals(text, issueYear: 2026)
        let targets = found.filter { $0.kind == .target }
        #expect(targets.count == 3)
        let racks = try #require(targets.first { $0.metric == "数据中心机架数" })
        #expect(racks.value == 150_000 && racks.unit == "架" && racks.year == 2028)
        let industry = try #require(found.first { $0.metric == "算力产业规模" && $0.kind == .statistic })
        #expect(industry.value == 90_000_000_000 && industry.unit == "元" && industry.year == nil)
        // A unit cell is never a figure: no goal of 1 亿元 or 1 万架.
        #expect(!found.contains { $0.value == 1 || $0.value == 10_000 || $0.value == 100_000_000 })
    }

    /// A communiqué's table leaves its corner empty: the header is one cell
    /// short, the rows' first cells name the metrics, the bracketed units
    /// are labels (never 1 亿元), and a row repeating the text is its goal.
    @Test func aCornerlessHeaderNamesValueColumnsOnly() throws {
        for (text, first) in [("""
            全县地区生产总值250.40亿元，比上年增长6.1%。
            表1 全县地区生产总值
            | 总量（亿元） | 比上年增长（%） |
            地区生产总值 | 250.40 | 6.1 |
            第一产业 | 30.20 | 3.5 |
            第二产业 | 98.70 | 5.4 |
            """, "第一产业"), ("""
            全縣地區生產總值250.40億元，比上年增長6.1%。
            表1 全縣地區生產總值
            | 總量（億元） | 比上年增長（%） |
            地區生產總值 | 250.40 | 6.1 |
            第一產業 | 30.20 | 3.5 |
            第二產業 | 98.70 | 5.4 |
            """, "第一產業")] {
            let found = try goals(text, issueYear: 2025)
            #expect(found.allSatisfy { $0.kind == .statistic }, "\(found.map { "\($0.kind) \($0.metric)" })")
            #expect(!found.contains { $0.value == 100_000_000 }, "a unit label read as a figure")
            let sector = found.filter { $0.metric.hasPrefix(first) }
            #expect(Set(sector.map(\.value)) == [3_020_000_000, 3.5], "\(sector.map { "\($0.metric) \($0.value)" })")
            // The total is the text's figure with the row as a second span.
            let totals = found.filter { $0.value == 25_040_000_000 }
            #expect(totals.count == 1 && totals.first?.evidence.count == 2, "\(totals.map(\.evidence.count))")
        }
    }

    @Test func aFlattenedTableInTraditionalScriptReadsOneCellPerLine() throws {
        let text = """
        表2 數位經濟發展主要指標
        類別 |
        指標 |
        單位 |
        2023年 |
        2027年 |
        來源 |
        產業 |
        數位經濟核心產業營收 |
        億元 |
        1800 |
        3200 |
        統計處 |
        智慧工廠 |
        家 |
        / |
        60 |
        經濟部 |
        """
        let found = try goals(text, issueYear: 2024)
        let revenue = found.filter { $0.metric == "數位經濟核心產業營收" }
        #expect(revenue.count == 2)
        #expect(revenue.contains { $0.kind == .statistic && $0.value == 180_000_000_000 })
        #expect(revenue.contains { $0.kind == .target && $0.value == 320_000_000_000 && $0.year == 2027 })
        // "/" marks no figure: the factories have only a target.
        let factories = found.filter { $0.metric == "智慧工廠" }
        #expect(factories.count == 1 && factories.first?.kind == .target && factories.first?.value == 60)
    }

    @Test func aPlanTableTakesUnitsFromItsMetricsAndAveragesAsTargets() throws {
        let text = """
        指标 | 2020年 | 2025年 | 年均/累计 | 属性
        规模以上工业增加值增长（%） | — | — | 6以上 | 预期性
        每万人口发明专利拥有量（件） | 9.2 | 18 | — | 预期性
        单位生产总值能耗降低（%） | — | — | 13.5 | 约束性
        """
        let found = try goals(text, issueYear: 2021)
        let growth = try #require(found.first { $0.metric == "规模以上工业增加值增长" })
        #expect(growth.kind == .target && growth.value == 6 && growth.unit == "%" && growth.comparator == .atLeast && growth.year == 2025)
        let patents = found.filter { $0.metric == "每万人口发明专利拥有量" }
        #expect(patents.contains { $0.kind == .statistic && $0.value == 9.2 && $0.unit == "件" })
        #expect(patents.contains { $0.kind == .target && $0.value == 18 && $0.year == 2025 })
    }

    @Test func aCellThatRepeatsTheTextIsTheSameGoal() throws {
        let text = """
        2025年1—9月，全市软件业务收入完成512.6亿元，同比增长11.2%。
        指标名称 | 单位 | 本期累计 | 同比增长（%）
        软件业务收入 | 亿元 | 512.6 | 11.2
        信息技术服务收入 | 亿元 | 301.4 | 13.9
        """
        let found = try goals(text, issueYear: 2025)
        let revenue = found.filter { $0.value == 51_260_000_000 }
        #expect(revenue.count == 1, "\(revenue)")
        #expect(revenue.first?.evidence.count == 2)
        let services = try #require(found.first { $0.metric.hasPrefix("信息技术服务收入") && $0.unit == "%" })
        #expect(services.kind == .statistic && services.value == 13.9 && services.metric.hasSuffix("增长"))
    }

    @Test func linesWithASeparatorButNoHeaderAreNoTable() throws {
        let text = """
        链接：政策原文 | 图解 | 问答
        全年新增企业200家 | 来源：统计局
        到2027年，培育专精特新企业300家 | 详见附件
        """
        // No header names a unit, metric or value column: the lines are prose.
        let found = try goals(text, issueYear: 2026)
        #expect(found.contains { $0.value == 300 && $0.kind == .target && $0.year == 2027 })
    }
}
