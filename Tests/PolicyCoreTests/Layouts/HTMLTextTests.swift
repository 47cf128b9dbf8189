import Foundation
import Testing
@testable import PolicyCore
@testable import PolicyExtraction

/// Web pages to text (`HTMLText`), on pages written for these tests: what
/// a bulletin published on the web puts around its articles, and what the
/// parser then reads from it.
@Suite struct HTMLTextTests {
    @Test func blocksBecomeLinesAndHeadingsAreDressed() {
        let text = HTMLText.text(fromHTML: """
            <html><head><title>不要</title><style>p { color: red }</style></head><body>
            <h1>产业数字化快报</h1><h2>政策解读</h2><h3>某省出台若干措施</h3>
            <p>第一段。</p><div>第二行</div>一行<br>又一行
            </body></html>
            """)
        #expect(text == "# 产业数字化快报\n\n## 政策解读\n\n### 某省出台若干措施\n\n第一段。\n\n第二行\n一行\n又一行\n")
    }

    @Test func scriptsStylesCommentsAndNavigationAreNoText() {
        let text = HTMLText.text(fromHTML: """
            <body><nav><a href="/">首页</a></nav><script>if (a < b) { document.write("<p>假</p>"); }</script>
            <!-- <p>注释</p> --><style>.x::before { content: "样式" }</style><noscript>请启用脚本</noscript>
            <p>正文</p><SCRIPT type="text/javascript">var x = "</p>";</SCRIPT></body>
            """)
        #expect(text == "正文\n")
    }

    @Test func whiteSpaceCollapsesButNotBetweenChineseCharacters() {
        // A line end in the source between two Chinese characters is no space;
        // between Latin words it is one, and <pre> keeps its line ends (each
        // line's edges are trimmed, as the parser would).
        let text = HTMLText.text(fromHTML: "<p>推动数据\n   要素市场化  配置改革，\tdeep\n   seek 模型</p><pre>一行\n  二行</pre>")
        #expect(text == "推动数据要素市场化配置改革，deep seek 模型\n\n一行\n二行\n")
    }

    @Test func characterReferencesAreDecoded() {
        let text = HTMLText.text(fromHTML: "<p>&ldquo;人工智能&#43;&rdquo;&nbsp;行动 &amp; 数据&#x8981;素 &lt;3&gt; a&b &unknown; &#0;</p>")
        #expect(text == "“人工智能+” 行动 & 数据要素 <3> a&b &unknown; \u{FFFD}\n")
    }

    @Test func aLinkToTheOriginalKeepsItsAddressOnALineOfItsOwn() {
        let text = HTMLText.text(fromHTML: """
            <p>来源：某市政府网站 <a href="https://example.gov.cn/x?a=1&amp;b=2" target=_blank>原文链接</a></p>
            <p>见<a href="https://example.gov.cn/y">某市某局</a>发布。</p>
            """)
        #expect(text == "来源：某市政府网站\n原文链接：https://example.gov.cn/x?a=1&b=2\n\n见某市某局发布。\n")
    }

    @Test func aLessThanSignInTextStays() {
        #expect(HTMLText.text(fromHTML: "<p>PUE < 1.25，时延<20毫秒</p>") == "PUE < 1.25，时延<20毫秒\n")
    }

    @Test(arguments: [
        ("issue.html", "随便", true), ("ISSUE.HTM", "", true), ("a.txt", "  \u{FEFF}<!DOCTYPE html><html>", true),
        ("a.txt", "<html lang=\"zh\">", true), ("a.txt", "<?xml version=\"1.0\"?>\n<html xmlns=\"x\">", true),
        ("a.txt", "某周报\n2025年第3期 <b>", false), ("a.md", "# 某周报", false),
    ])
    func tellsAWebPage(fileName: String, text: String, isHTML: Bool) {
        #expect(HTMLText.isHTML(fileName: fileName, text: text) == isHTML)
    }
}
