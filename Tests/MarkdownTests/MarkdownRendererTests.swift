import Model
@testable import Markdown
import Testing

@Suite struct MarkdownRendererTests {
    static let links = LinkResolver(
        urlBySourcePath: [
            "content/pages/laki.fi.md": "/fi/laki/",
            "content/articles/a.fi.md": "/fi/artikkelit/a/",
        ],
        unpublishedSourcePaths: ["content/articles/draft.fi.md"],
        assets: [ContentAsset(contentPath: "articles/kuva.jpg", sourcePath: "/tmp/kuva.jpg", sourceRoot: "/tmp")])

    func render(_ markdown: String, raw: Bool = false) -> RenderedMarkdown {
        MarkdownRenderer(allowRawHTML: raw, links: Self.links)
            .render(markdown, path: "content/articles/a.fi.md", firstLine: 5)
    }

    /// cmark empties `javascript:` links only in its safe mode; with raw HTML allowed it would publish
    /// them, so the URL policy refuses them either way.
    @Test(arguments: [false, true])
    func refusesScriptLinksWhetherOrNotRawHTMLIsAllowed(raw: Bool) {
        let rendered = render(
            "[a](javascript:alert(1)) [b](JAVA&#9;SCRIPT:x) ![c](data:image/svg+xml,x) <vbscript:y> [d](https://example.fi)",
            raw: raw)
        let errors = rendered.diagnostics.filter(\.isError)
        #expect(errors.count == 4, "\(rendered.diagnostics)")
        #expect(errors.allSatisfy { $0.location?.line == 5 && $0.message.contains("scheme, which is not published") })
    }

    @Test func rendersTheGFMExtensions() {
        let html = render("""
            | a | b |
            |---|---|
            | 1 | 2 |

            ~~pois~~ https://example.fi

            - [x] tehty
            - [ ] tekemättä
            """).html
        #expect(html.contains("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Taulukko\">\n<table>"))
        #expect(html.contains("</table>\n</div>"))
        // Both tasks, done and not, are named.
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"tehtävä\" />"))
        #expect(html.contains("<input type=\"checkbox\" disabled=\"\" aria-label=\"tehtävä\" />"))
        #expect(html.components(separatedBy: "<input").count == 3)
        #expect(html.contains("<del>pois</del>"))
        #expect(html.contains("<a href=\"https://example.fi\">https://example.fi</a>"))
        #expect(html.contains("type=\"checkbox\""))
    }

    @Test func givesHeadingsIDsAndTablesTheirRegionInOneBody() {
        let html = render("## Tulokset ja ääni\n\n| a |\n|---|\n| ö |\n\n### Lopuksi\n").html
        #expect(html == """
            <h2 id="tulokset-ja-aani">Tulokset ja ääni</h2>
            <div class="table-scroll" role="region" tabindex="0" aria-label="Taulukko">
            <table>
            <thead>
            <tr>
            <th>a</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>ö</td>
            </tr>
            </tbody>
            </table>
            </div>
            <h3 id="lopuksi">Lopuksi</h3>

            """)
    }

    /// cmark-gfm marks the characters its inline extensions start at ('~', ':', 'w') in one table shared
    /// by every parser and clears them when a parser is done with its inlines; bodies rendered at the
    /// same time must still all get their strikethrough and autolinks.
    @Test func rendersTheInlineExtensionsInEveryParallelBody() {
        let markdown = String(repeating: "Kappale, jossa on ~~vanhaa~~ ja https://example.fi sekä tekstiä.\n\n", count: 40)
        let renderer = MarkdownRenderer(allowRawHTML: false, links: Self.links)
        let bodies = parallelMap(Array(0..<400)) { _ in
            renderer.render(markdown, path: "content/articles/a.fi.md", firstLine: 1).html
        }
        let complete = bodies.filter {
            $0.components(separatedBy: "<del>vanhaa</del>").count == 41
                && $0.components(separatedBy: "<a href=\"https://example.fi\">").count == 41
        }
        #expect(complete.count == bodies.count)
    }

    @Test func dropsRawHTMLAndReportsItAtItsFileLine() {
        let result = render("Teksti\n\n<script>alert(1)</script>\n\n<b onclick=\"x\">raw</b>\n")
        #expect(!result.html.contains("<script"))
        #expect(!result.html.contains("onclick"))
        #expect(result.diagnostics.map(\.location?.line) == [7, 9])
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func passesRawHTMLWhenTheSiteAllowsIt() {
        #expect(render("<b>raw</b>\n", raw: true).html.contains("<b>raw</b>"))
    }

    @Test func neverPublishesJavascriptURLs() {
        #expect(!render("[x](javascript:alert(1))").html.contains("javascript:"))
    }

    @Test func rewritesLinksToContentFilesAndAssets() {
        let result = render("[laki](../pages/laki.fi.md#kohta) ja ![Kuva](kuva.jpg) ja [a](a.fi.md)")
        #expect(result.diagnostics.isEmpty)
        #expect(result.html.contains("href=\"/fi/laki/#kohta\""))
        #expect(result.html.contains("src=\"/media/articles/kuva.jpg\""))
        #expect(result.html.contains("href=\"/fi/artikkelit/a/\""))
    }

    @Test func reportsALinkToAMissingFileAtItsLine() {
        let result = render("Eka rivi\n\nKatso [tämä](../pages/lakki.fi.md).\n")
        #expect(result.diagnostics.count == 1)
        let diagnostic = result.diagnostics[0]
        #expect(diagnostic.isError)
        #expect(diagnostic.location?.line == 7)
        #expect(diagnostic.hints == ["did you mean content/pages/laki.fi.md?"])
    }

    @Test func reportsColumnsInCharactersNotBytes() {
        let result = render("Äänestä ja löydä [tämä](puuttuu.fi.md).\n")
        #expect(result.diagnostics.first?.location?.column == 18)
        let later = render("Ensimmäinen rivi.\n\nToinen: [a](x.fi.md)\n\n- Öö [b](y.fi.md)\n")
        #expect(later.diagnostics.map { [$0.location?.line, $0.location?.column] } == [[7, 9], [9, 6]])  // body lines 3 and 5; the body starts at line 5
        // Dashes and ellipses count one each; a combining accent and a joined emoji join their neighbours.
        for (line, column) in [
            ("Äänestä – ja … [a](x.fi.md)", 16), ("e\u{301}e\u{301} [a](x.fi.md)", 4), ("👩\u{200D}👩 [a](x.fi.md)", 3),
            ("a\u{200C}b [a](x.fi.md)", 4),
        ] {
            #expect(render(line + "\n").diagnostics.first?.location?.column == column, "\(line)")
        }
    }

    @Test func keepsTheTextOfALinkToAnUnpublishedItem() {
        let result = render("[luonnos](draft.fi.md)")
        #expect(result.html.contains("<p>luonnos</p>"))
        #expect(result.diagnostics.first?.severity == .warning)
    }

    @Test func requiresAlternativeTextForImages() {
        #expect(render("![](kuva.jpg)").diagnostics.contains { $0.message.contains("no alternative text") })
    }

    @Test func refusesLinksThatLeaveTheContentFolder() {
        #expect(render("[x](../../../etc/passwd)").diagnostics.first?.message.contains("outside the content folder") == true)
    }

    @Test func givesHeadingsUniqueIDs() {
        let result = render("## Lähtötilanne\n\ntext\n\n## Lähtötilanne\n\n### `koodi` & \"muuta\"\n")
        #expect(result.headings.map(\.id) == ["lahtotilanne", "lahtotilanne-2", "koodi-muuta"])
        #expect(result.html.contains("<h2 id=\"lahtotilanne\">Lähtötilanne</h2>"))
        #expect(result.html.contains("<h2 id=\"lahtotilanne-2\">"))
    }

    /// What the search index reads and a result shows: texts as the reader sees them, a space between
    /// blocks, none inside a word or before punctuation that follows a link.
    @Test func theSearchTextJoinsInlineTextAsWrittenAndSeparatesBlocks() {
        let rendered = render("# Otsikko\n\n**Kult**tuuri ja [kortti](https://example.fi).\nToinen rivi\n\n- yksi\n- kaksi\n\n| a | b |\n|---|---|\n| c | d |\n")
        #expect(rendered.searchText == "Otsikko Kulttuuri ja kortti. Toinen rivi yksi kaksi a b c d")
        #expect(rendered.excerpt == rendered.searchText, "the excerpt is the search text's start")
    }

    @Test func takesTheFirstParagraphAsPlainText() {
        #expect(render("# Otsikko\n\nEnsimmäinen *kappale* `koodia`.\n\nToinen.").firstParagraph == "Ensimmäinen kappale koodia.")
    }
}

/// The search excerpt is the body's first 500 characters (`TreeWalk.excerptLimit`), whatever the letters.
@Suite struct ExcerptTests {
    static let limit = 500

    @Test(arguments: [
        String(repeating: "kulttuuri ", count: 80),
        String(repeating: "äö å–", count: 150),
        String(repeating: "a", count: 499) + "e\u{301}" + String(repeating: "b", count: 40),
        String(repeating: "a", count: 500) + "\u{301}" + String(repeating: "b", count: 40),
        String(repeating: "ä", count: 499) + "\r\n" + String(repeating: "b", count: 40),
        String(repeating: "x", count: 498) + "👩‍👩‍👧" + String(repeating: "y", count: 40),
        String(repeating: "ö", count: 300),
        String(repeating: "a", count: 300) + "\u{200D}" + String(repeating: "b", count: 300),
    ])
    func takesTheFirstCharacters(text: String) {
        #expect(CharacterCounting.prefix(text, characters: Self.limit) == String(text.prefix(Self.limit)))
    }

    @Test func countsSimpleTextOverBytes() {
        let text = String(repeating: "ä", count: 600)
        #expect(text.utf8.withContiguousStorageIfAvailable { CharacterCounting.prefixEndWithoutJoiners($0, characters: Self.limit) } == 1_000)
        let combining = String(repeating: "a", count: 500) + "\u{301}"
        #expect(combining.utf8.withContiguousStorageIfAvailable { CharacterCounting.prefixEndWithoutJoiners($0, characters: Self.limit) } == .some(nil))
        #expect(Array("kä–x".utf8).withUnsafeBufferPointer { CharacterCounting.countWithoutJoiners($0) } == 4)
        #expect(Array("e\u{301}".utf8).withUnsafeBufferPointer { CharacterCounting.countWithoutJoiners($0) } == nil)
    }
}

/// Found by the fuzz target `fuzz-markdown`: cmark refuses a line break inside a table cell, and the
/// split text was dropped (and its nodes leaked). The vertical tab now becomes a space there.
extension MarkdownRendererTests {
    @Test func aVerticalTabInATableCellKeepsTheCellsText() {
        let rendered = render("| a | b |\n|---|---|\n| yksi\u{0B}kaksi | kolme |\n")
        #expect(rendered.html.contains("<td>yksi kaksi</td>"), "\(rendered.html)")
        #expect(!rendered.html.utf8.contains(0x0B))
    }

    @Test func aVerticalTabInAParagraphIsALineBreak() {
        let rendered = render("yksi\u{0B}kaksi\n")
        #expect(rendered.html.contains("yksi<br />\nkaksi") || rendered.html.contains("yksi<br />kaksi"), "\(rendered.html)")
    }
}
