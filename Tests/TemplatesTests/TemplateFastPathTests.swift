import Mustache
@testable import Templates
import Testing

/// The template fast paths must give exactly what swift-mustache's own paths give.
@Suite struct TemplateFastPathTests {
    static let samples = [
        "plain", "Ääni & kuva – \"raaka\" <HTML> 'x'", "tab\tnew\nline\r\u{08}\u{0C}\u{01}\u{1F}", "back\\slash /slash",
        "", "emoji 🎉 ja Åland",
    ]

    @Test(arguments: samples)
    func escapesHTMLAsTheTemplateLibraryDoes(text: String) throws {
        _ = FastHTMLEscaping.registered
        let fast = try MustacheTemplate(string: "{{% CONTENT_TYPE: HTML_FAST }}{{x}}")
        let library = try MustacheTemplate(string: "{{x}}")
        #expect(fast.render(["x": text]) == library.render(["x": text]))
    }

    /// A context whose one field, `x`, holds the value given (nil: no such field).
    struct OneField: TemplateFields {
        let value: String?
        func field(named name: String) -> Any? { name == "x" ? value : nil }
    }

    @Test(arguments: samples.map { Optional($0) } + [nil])
    func rendersTextFieldsAsTheLibraryRendersStrings(text: String?) throws {
        _ = FastHTMLEscaping.registered
        let template = try MustacheTemplate(string: """
            {{% CONTENT_TYPE: HTML_FAST }}[{{x}}][{{{x}}}][{{#x}}<{{.}}|{{y}}>{{/x}}][{{^x}}none{{/x}}]\
            {{#outer}}[{{x}}]{{/outer}}
            """)
        // The library's own path: a dictionary of plain strings.
        var plain: [String: Any] = ["y": "why", "outer": ["z": 1]]
        if let text { plain["x"] = text }
        struct Pair: MustacheParent {
            let fields: OneField
            func child(named name: String) -> Any? {
                switch name {
                case "y": TemplateText(renderText: "why")
                case "outer": ["z": 1]
                default: fields.child(named: name)
                }
            }
        }
        let ours = template.render(Pair(fields: OneField(value: text)))
        #expect(ours == template.render(plain))
        #expect(OneField(value: text).child(named: "x") is TemplateText == (text != nil))
    }
}

