import Building
import EmailInlining
import Foundation
import Inspection
import TestSupport
import Testing

/// The e-mail version of a newsletter issue must look right in mail clients that ignore `<style>` and
/// classes, and must work outside the site: checked here on the fixture site's issue.
@Suite struct NewsletterEmailTests {
    static func builtEmail() throws -> (html: String, text: String) {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        try SiteBuilder.build(fixtureRequest(site))
        return (
            try String(contentsOf: site.url("output/fi/uutiskirjeet/1/email.html"), encoding: .utf8),
            try String(contentsOf: site.url("output/fi/uutiskirjeet/1/email.txt"), encoding: .utf8)
        )
    }

    /// Whether a simple selector ("td", ".item .meta", "p.note") matches, decided here independently of
    /// the inliner's own matcher.
    static func matches(_ selector: String, _ element: HTMLElement) -> Bool {
        func compound(_ part: Substring, name: String, classes: [String]) -> Bool {
            let pieces = part.split(separator: ".", omittingEmptySubsequences: false)
            if !pieces[0].isEmpty, pieces[0] != name { return false }
            return pieces.dropFirst().allSatisfy { classes.contains(String($0)) }
        }
        var parts = selector.split(separator: " ")
        guard let last = parts.popLast(), compound(last, name: element.name, classes: element.classes) else { return false }
        var ancestors = element.ancestors[...]
        while let wanted = parts.last {
            guard let ancestor = ancestors.popLast() else { return false }
            if compound(wanted, name: ancestor.name, classes: ancestor.classes) { parts.removeLast() }
        }
        return true
    }

    @Test func everyMatchingDeclarationIsInlineSoNoElementReliesOnAClass() throws {
        let (html, _) = try Self.builtEmail()
        let css = try String(contentsOf: Repository.root.appendingPathComponent("themes/default/email/newsletter.css"), encoding: .utf8)
        let sheet = Stylesheet(css: css)
        #expect(sheet.unsupported.isEmpty, "selectors the inliner cannot apply: \(sheet.unsupported)")
        let document = try #require(HTMLDocument(html: html))
        var checked = 0
        for element in document.allElements where element.name != "html" && element.name != "head" {
            let style = element["style"] ?? ""
            let properties = Set(style.split(separator: ";").compactMap { $0.split(separator: ":").first?.trimmingCharacters(in: .whitespaces) })
            for rule in sheet.rules {
                for selector in rule.selectors {
                    let text = selector.compounds.map { ($0.element ?? "") + $0.classes.map { "." + $0 }.joined() }.joined(separator: " ")
                    guard Self.matches(text, element) else { continue }
                    for declaration in rule.declarations {
                        checked += 1
                        #expect(properties.contains(declaration.property), "<\(element.name) class=\(element.classes)> lacks \(declaration.property) from '\(text)'")
                    }
                }
            }
        }
        #expect(checked > 50)
    }

    @Test func hasNoRelativeURLsScriptsFormsOrExternalCSS() throws {
        let (html, _) = try Self.builtEmail()
        let document = try #require(HTMLDocument(html: html))
        for element in document.allElements {
            for attribute in ["href", "src"] {
                guard let url = element[attribute] else { continue }
                #expect(url.hasPrefix("https://") || url.hasPrefix("mailto:"), "relative URL \(url)")
            }
        }
        #expect(document.elements(named: "script").isEmpty)
        #expect(document.elements(named: "form").isEmpty)
        #expect(document.elements(named: "link").isEmpty)
        for image in document.elements(named: "img") {
            #expect(image["alt"] != nil && image["width"] != nil && image["height"] != nil)
        }
        let tables = document.elements(named: "table")
        #expect(!tables.isEmpty && tables.allSatisfy { $0["role"] == "presentation" })
        #expect(tables.contains { $0["style"]?.contains("width: 600px") == true })
        for element in document.allElements {
            for obsolete in ["bgcolor", "cellpadding", "cellspacing", "align", "width"] where element.name != "img" {
                #expect(element[obsolete] == nil, "<\(element.name)> has the obsolete attribute \(obsolete)")
            }
        }
        #expect(document.elements(named: "style").count == 1, "only the media-query block stays in <style>")
        #expect(!html.contains("{{unsubscribe}}"), "the copy on the site links to the newsletter page, not a placeholder")
        #expect(html.contains("href=\"https://fixture.example.fi/fi/uutiskirjeet/\""))
        let preheader = document.allElements.first { $0.classes.contains("preheader") }
        #expect(preheader?["style"]?.contains("display: none") == true)
    }

    @Test func textVersionWritesTheURLsOut() throws {
        let (_, text) = try Self.builtEmail()
        #expect(text.contains("https://fixture.example.fi/fi/uutiskirjeet/1/"))
        #expect(!text.contains("{{unsubscribe}}"))
        #expect(!text.contains("<p>"))
        let urls = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "<" || $0 == ">" })
            .filter { $0.hasPrefix("http") }
        #expect(urls.count >= 3)
        #expect(urls.allSatisfy { $0.hasPrefix("https://") })
    }
}
