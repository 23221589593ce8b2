import EmailInlining
import Testing

@Suite struct StylesheetTests {
    @Test func parsesSimpleSelectorsAndKeepsAtRules() {
        let sheet = Stylesheet(css: """
            /* comment { not: a rule } */
            td, .item .meta { color: red; padding: 0 }
            a:hover { color: blue }
            div > p { margin: 0 }
            @media (max-width: 620px) { .container { width: 100% !important; } }
            """)
        #expect(sheet.rules.count == 1)
        #expect(sheet.rules[0].selectors.map(\.compounds.count) == [1, 2])
        #expect(sheet.rules[0].declarations.map(\.property) == ["color", "padding"])
        #expect(sheet.atRules == ["@media (max-width: 620px) { .container { width: 100% !important; } }"])
        #expect(sheet.unsupported == ["a:hover", "div > p"])
    }
}

@Suite struct CSSInlinerTests {
    func inline(_ css: String, _ body: String) -> String {
        CSSInliner(css: css, baseURL: "https://t.example.fi")
            .inline("<!DOCTYPE html><html><head><title>x</title></head><body>\(body)</body></html>")
    }

    @Test func appliesRulesBySpecificityThenSourceOrderWithTheOwnStyleLast() {
        let html = inline(
            ".note { color: green } p { color: red; margin: 0 } p.note { font-weight: bold } .x { color: blue }",
            "<p class=\"note\" style=\"margin: 4px\">a</p>")
        #expect(html.contains("<p class=\"note\" style=\"color: green; margin: 4px; font-weight: bold\">"))
    }

    @Test func matchesDescendantsOnly() {
        let html = inline(".item a { color: red }", "<div class=\"item\"><span><a href=\"https://x.fi\">in</a></span></div><a href=\"https://y.fi\">out</a>")
        #expect(html.contains("<a href=\"https://x.fi\" style=\"color: red\">in</a>"))
        #expect(html.contains("<a href=\"https://y.fi\">out</a>"))
    }

    @Test func makesSiteLinksAbsoluteAndKeepsMediaQueriesInAStyleElement() {
        let html = inline("@media (prefers-color-scheme: dark) { a { color: white } }", "<a href=\"/fi/x/\">x</a><img src=\"/media/a.png\" alt=\"a\" width=\"10\" height=\"10\">")
        #expect(html.contains("href=\"https://t.example.fi/fi/x/\""))
        #expect(html.contains("src=\"https://t.example.fi/media/a.png\""))
        #expect(html.contains("<style>\n@media (prefers-color-scheme: dark) { a { color: white } }\n</style>"))
    }

    @Test func keepsUTF8Text() {
        #expect(inline("p { color: red }", "<p>Äänestä – ö å</p>").contains("Äänestä – ö å"))
    }
}
