/// The words that make a 《…》 or a 「…」 a policy and read what the text
/// declares of it (PolicyExtractor): title endings, generic names, the
/// markers of a short name and of dates of force. Simplified script: titles
/// are folded before they are matched.
enum PolicyWords {
    /// Title endings that make a 《…》 a policy document rather than a book,
    /// a periodical or a report.
    static let policySuffixes = [
        "行动计划", "计划", "实施方案", "方案", "通知", "实施意见", "指导意见", "意见", "若干措施", "措施", "举措",
        "目录", "清单", "条例", "办法", "规划", "纲要", "声明", "宣言", "倡议", "指南", "指引", "规定", "细则",
        "决定", "法案", "法", "规则", "准则", "守则", "框架", "标准", "政策", "战略", "路线图", "要点", "公告",
        "通告", "决议", "公约", "协定", "规范", "制度", "机制", "议程",
        // Taiwan writes a plan 計畫 (计画 once folded).
        "计画",
    ]

    /// Title endings strong enough to make a 「…」 a policy: Hong Kong and
    /// Taiwan quote titles so (「人工智能+製造專項行動實施意見」), but quote
    /// slogans and schemes so too (「強化數位韌性」, 「科技券」).
    static let quotedPolicySuffixes = [
        "行动计划", "计划", "计画", "实施方案", "方案", "实施意见", "指导意见", "意见", "若干措施", "措施", "条例", "办法",
        "规划", "纲要", "指引", "细则", "规定", "行动", "施政报告", "蓝图",
    ]

    /// Titles that name no policy of their own (《通知》, 《实施方案》): with no
    /// declared short name they refer to the policy last named.
    static let genericNames: Set<String> = [
        "通知", "意见", "方案", "计划", "措施", "规划", "纲要", "办法", "条例", "目录", "清单", "行动计划",
        "实施方案", "总体方案", "实施意见", "指导意见", "若干措施", "指南", "声明", "决定", "规定", "细则", "法",
        "导向目录", "工作方案", "三年行动计划", "政策", "要点",
    ]

    /// What opens a declared short name after a title: （以下简称《X》）, （简称X）.
    static let aliasMarkers = ["以下简称", "以下称", "下称", "简称"]

    /// The plans a title's period is read from (《“十四五”规划》 → 2021–2025):
    /// those begun by 2026, as before; a title naming 十六五 gets no period.
    static let titlePlans = YearWords.fiveYearPlans.filter { $0.start <= 2026 }

    /// Words after a date that make it the date a policy takes force, in the
    /// order they are looked for.
    static let forceMarkers = ["起施行", "起实施", "起执行", "起生效", "施行", "生效"]
    /// 有效期: a term of validity; 有效期至2025年12月31日 is the date it ends.
    static let validityTerm = "有效期"
    static let validUntil = validityTerm + "至"
}
