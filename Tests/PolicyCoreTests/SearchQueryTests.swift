import Testing
@testable import PolicyCore
@testable import PolicyExtraction

@Suite struct SearchQueryTests {
    @Test(arguments: [
        ("算力", #""算力""#),
        ("具身智能 深圳", #""具身智能" AND "深圳""#),
        ("\"北京 召开\"", #""北京 召开""#),
        ("算力 OR 智算", #""算力" OR "智算""#),
        ("数据 NOT 安全", #""数据" NOT "安全""#),
        ("数据 -安全 -隐私", #""数据" NOT ("安全" OR "隐私")"#),
        ("(北京 OR 上海) 具身", #"("北京" OR "上海") AND "具身""#),
        ("title:算力 规划", #"title : "算力" AND "规划""#),
        ("COVID-19", #""COVID-19""#),
        ("L3—L5", #""L3—L5""#),
        ("“1+3+N”", #""1+3+N""#),
        ("say\"x\"", #""say" AND "x""#),
        ("5G", #""5G""#),
        ("a*b^c:d", #""a*b^c:d""#),
        // An unclosed quote is a phrase to the end; a lone one is nothing.
        ("\"数据 要素", #""数据 要素""#),
        ("算力 \"", #""算力""#),
        ("\"", nil),
    ])
    func compilesToQuotedFTS5(query: String, expression: String?) throws {
        if let expression {
            #expect(try SearchQuery.parse(query).fts5Expression == expression)
        } else {
            #expect(throws: SearchQuery.ParseError.empty) { try SearchQuery.parse(query) }
        }
    }

    /// FTS5 escapes a double quote inside a string by doubling it.
    @Test func aQuoteInsideAPhraseIsDoubled() {
        #expect(SearchQuery.compile(.phrase(#"数据"要素"#, titleOnly: false)) == #""数据""要素""#)
    }

    /// The folder `PolicyStore` checks for room beside a database file.
    @Test(arguments: [("a/b.sqlite", "a"), ("b.sqlite", "."), ("/b.sqlite", "/"), ("/x/y/b.sqlite", "/x/y"),
                      ("x/y/", "x"), ("/", "/")])
    func folderOfADatabasePath(path: String, folder: String) {
        #expect(PolicyStore.folder(of: path) == folder)
    }

    @Test(arguments: [
        ("", SearchQuery.ParseError.empty),
        ("   ", .empty),
        ("title:", .emptyTitleFilter),
        ("数据 title:", .emptyTitleFilter),
        ("title: OR 数据", .emptyTitleFilter),
        ("(数据 OR 算力", .unbalancedParenthesis),
        ("数据)", .unbalancedParenthesis),
        ("数据 OR", .danglingOperator("OR")),
        ("OR 数据", .danglingOperator("OR")),
        ("()", .emptyParentheses),
        ("数据 ( )", .emptyParentheses),
        ("-安全", .onlyExclusions),
        ("NOT 安全", .danglingOperator("NOT")),
        ("，、", .nothingSearchable("，、")),
    ])
    func rejectsMalformedQueries(query: String, error: SearchQuery.ParseError) {
        #expect(throws: error) { try SearchQuery.parse(query) }
    }

    @Test func positivePhrasesLeaveOutExclusions() throws {
        #expect(try SearchQuery.parse("数据 (算力 OR 智算) -安全").positivePhrases == ["数据", "算力", "智算"])
    }
}

/// The exact-script scan asks no more of a text than the index's match:
/// white space and punctuation at a phrase's ends are not part of it.
@Suite struct ExactScanTests {
    @Test(arguments: [
        ("5%", "增长5个百分点"),
        ("“数据要素”", "推进数据要素市场化"),
        (" AI", "发展AI产业"),
        ("數據。", "數據要素"),
    ])
    func endsTheIndexIgnoresAreIgnored(query: String, text: String) throws {
        let parsed = try SearchQuery.parse("\"" + query.replacingOccurrences(of: "\"", with: "") + "\"")
        #expect(parsed.matches(title: "", body: text))
        #expect(parsed.matchesExactScript(title: "", body: text))
    }

    @Test func theExactScriptStillKeepsTheScriptTyped() throws {
        let parsed = try SearchQuery.parse("數據。")
        #expect(parsed.matches(title: "", body: "数据要素"))
        #expect(!parsed.matchesExactScript(title: "", body: "数据要素"))
    }
}
