import Foundation
import Model
import Mustache
@testable import Templates
import TestSupport
import Testing

/// UI strings written into templates must render exactly as looking them up would.
@Suite struct UIStringInliningTests {
    static let pragma = "{{% CONTENT_TYPE: HTML_FAST }}"
    static let strings = [
        "published": "Julkaistu", "quote": "\"Hinta\" <5 €> & 'muuta'", "blank": "  ", "empty": "",
        "braces": "a {b}", "lines": "yksi\nkaksi",
    ]

    /// A page root answering `t` like `ShellContext`, with one section (`item`) that does not.
    struct Root: TemplateFields {
        let strings: [String: String]
        func field(named name: String) -> Any? {
            switch name {
            case "t": UIStringsFields(table: strings)
            case "item": Item()
            case "names": ["a", "b"]
            default: nil
            }
        }
    }

    struct Item: TemplateFields {
        func field(named name: String) -> Any? { name == "title" ? "Otsikko" : nil }
    }

    @Test func writesPlainEscapedAndRawTagsOut() throws {
        let text = Self.pragma + "<p>{{t.published}} {{ t.published }}</p>{{{t.quote}}}{{&t.quote}}[{{t.quote}}]"
        let inlined = try #require(UIStringInlining.inline(text, strings: Self.strings))
        #expect(inlined == Self.pragma + "<p>Julkaistu Julkaistu</p>\"Hinta\" <5 €> & 'muuta'\"Hinta\" <5 €> & 'muuta'"
            + "[&quot;Hinta&quot; &lt;5 €&gt; &amp; &#39;muuta&#39;]")
    }

    @Test func leavesEverythingElseAsItIs() {
        let text = Self.pragma + "{{! {{t.published}} }}{{#t.published}}x{{/t.published}}{{^t.published}}y{{/t.published}}"
            + "{{>t.published}}{{tx.published}}{{t.missing}}{{t.blank}}{{t.empty}}{{t.braces}}{{t.lines}}{{upper(t.published)}}"
        #expect(UIStringInlining.inline(text, strings: Self.strings) == nil)
    }

    @Test(arguments: [
        "{{t.published}}",  // no pragma: the caller's content type decides the escaping
        "{{% CONTENT_TYPE: TEXT }}{{t.published}}",
        pragma + "{{t.published}}{{% CONTENT_TYPE: TEXT }}",
        pragma + "{{=<% %>=}}<%t.published%>{{t.published}}",
        pragma + "{{t.published",
    ])
    func leavesTemplatesWhoseMeaningItCannotBeSureOf(text: String) {
        #expect(UIStringInlining.inline(text, strings: Self.strings) == nil)
    }

    /// The property the build relies on: every template renders the same with the strings written in.
    @Test(arguments: [
        "<p>{{t.published}}</p>\n{{#item}}\n  {{t.published}}: {{title}}\n{{/item}}\n{{t.quote}}{{{t.quote}}}",
        "{{#names}}{{t.published}} {{.}}\n{{/names}}{{^item}}{{t.published}}{{/item}}",
        "  {{t.published}}\n{{#item}}\n{{t.empty}}\n{{/item}}\n{{t.blank}}{{#item}}\n{{/item}}",
        "{{! {{t.published}} }}{{t.missing}}|{{t.lines}}|{{t.braces}}|{{t.published}}",
    ])
    func rendersAsLookingTheStringsUp(body: String) throws {
        _ = FastHTMLEscaping.registered
        let text = Self.pragma + body
        let inlined = try #require(UIStringInlining.inline(text, strings: Self.strings))
        #expect(inlined != text)
        let context = MustacheBox(Root(strings: Self.strings))
        let original = try MustacheTemplate(string: text).render(context)
        #expect(try MustacheTemplate(string: inlined).render(context) == original)
    }

    @Test func aPageRendersWithItsLanguagesStrings() throws {
        let theme = ThemeFixture.theme(
            ThemeFixture.complete.merging(["page": Self.pragma + "{{t.published}}"]) { $1 })
        var fi = theme.strings[.fi] ?? [:], sv = theme.strings[.sv] ?? [:]
        fi["published"] = "Julkaistu"
        sv["published"] = "Publicerad"
        let set = try #require(TemplateSet.compile(ThemeSource(
            templates: theme.templates, strings: [.fi: fi, .sv: sv], staticFiles: [])).0)
        #expect(set.render(Root(strings: fi), template: "page", strings: .fi) == "Julkaistu")
        #expect(set.render(Root(strings: sv), template: "page", strings: .sv) == "Publicerad")
        #expect(set.render(Root(strings: sv), template: "page") == "Publicerad")
        #expect(set.render(Item(), template: "page") == "")
    }
}
