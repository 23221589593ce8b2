import Model
import Rendering
import Testing

@Suite struct TemplateSetTests {
    static func theme(_ templates: [String: String], strings: [String: String]? = nil) -> ThemeSource {
        let table = strings ?? Dictionary(uniqueKeysWithValues: UIStrings.requiredKeys.map { ($0, $0) })
        return ThemeSource(
            templates: templates.sorted { $0.key < $1.key }.map {
                ThemeSource.Template(name: $0.key, path: "themes/default/templates/\($0.key).mustache", text: $0.value)
            },
            strings: [.fi: table, .sv: table], staticFiles: [])
    }

    static let complete = Dictionary(uniqueKeysWithValues: TemplateSet.requiredTemplates.map { ($0, "<p>{{lang}}</p>") })

    @Test func compilesACompleteTheme() {
        let (set, diagnostics) = TemplateSet.compile(Self.theme(Self.complete))
        #expect(set != nil)
        #expect(diagnostics.isEmpty)
    }

    @Test func reportsSyntaxErrorsWithTheTemplateFileAndLine() {
        var templates = Self.complete
        templates["home"] = "<h1>{{siteTitle}}</h1>\n<ul>\n{{#blocks}}\n<li>{{heading}}</li>\n"
        let (set, diagnostics) = TemplateSet.compile(Self.theme(templates))
        #expect(set == nil)
        let error = diagnostics.first { $0.location?.path == "themes/default/templates/home.mustache" }
        #expect(error?.message.hasPrefix("template syntax error") == true, "\(diagnostics)")
        #expect((error?.location?.line ?? 0) >= 3, "\(diagnostics)")
    }

    @Test func reportsMissingTemplatesAndStrings() {
        var templates = Self.complete
        templates["event"] = nil
        var strings = Dictionary(uniqueKeysWithValues: UIStrings.requiredKeys.map { ($0, $0) })
        strings["home"] = nil
        let (_, diagnostics) = TemplateSet.compile(Self.theme(templates, strings: strings))
        let messages = diagnostics.map(\.message)
        #expect(messages.contains("the theme has no 'event' template"))
        #expect(messages.contains("the UI string 'home' is missing"))
    }
}
