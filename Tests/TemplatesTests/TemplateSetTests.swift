import Model
import Templates
import TestSupport
import Testing

@Suite struct TemplateSetTests {
    @Test func compilesACompleteTheme() {
        let (set, diagnostics) = TemplateSet.compile(ThemeFixture.theme(ThemeFixture.complete))
        #expect(set != nil)
        #expect(diagnostics.isEmpty)
    }

    @Test func reportsSyntaxErrorsWithTheTemplateFileAndLine() {
        var templates = ThemeFixture.complete
        templates["home"] = "<h1>{{siteTitle}}</h1>\n<ul>\n{{#blocks}}\n<li>{{heading}}</li>\n"
        let (set, diagnostics) = TemplateSet.compile(ThemeFixture.theme(templates))
        #expect(set == nil)
        let error = diagnostics.first { $0.location?.path == "themes/default/templates/home.mustache" }
        #expect(error?.message.hasPrefix("template syntax error") == true, "\(diagnostics)")
        #expect((error?.location?.line ?? 0) >= 3, "\(diagnostics)")
    }

    @Test func reportsMissingTemplatesAndStrings() {
        var templates = ThemeFixture.complete
        templates["event"] = nil
        var strings = Dictionary(uniqueKeysWithValues: UIStrings.requiredKeys.map { ($0, $0) })
        strings["home"] = nil
        let (_, diagnostics) = TemplateSet.compile(ThemeFixture.theme(templates, strings: strings))
        let messages = diagnostics.map(\.message)
        #expect(messages.contains("the theme has no 'event' template"))
        #expect(messages.contains("the UI string 'home' is missing"))
    }
}
