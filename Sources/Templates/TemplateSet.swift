import Model
import Mustache

/// The theme's templates compiled once into a `MustacheLibrary`, with the theme's UI strings.
/// Every template and string the build renders is checked to exist at load, so a page can never
/// silently come out empty.
public struct TemplateSet: Sendable {
    /// Templates the build renders pages with.
    public static let requiredTemplates = [
        "root", "root-notfound", "home", "list", "article", "practice", "event", "newsletter", "page", "notfound", "email", "terms",
        "browse", "search",
    ]

    let library: MustacheLibrary
    /// Renders each page shape through the engine once (`TemplateSpecializer`).
    let specializer: TemplateSpecializer
    public let strings: [Language: [String: String]]
    /// The newsletter e-mail's CSS, inlined after rendering.
    public let emailStylesheet: String
    /// Every `id` attribute the templates write, as written (`main`, `block-{{id}}`): the ids a body's
    /// headings must leave to the theme (`Markdown.ReservedIDs`).
    public let elementIDs: [String]

    /// Compiles the theme; syntax errors are reported with the template's file, line and column.
    /// `specializing`: whether pages of one shape are written from the first one's render
    /// (`TemplateSpecializer`); false renders every page through the engine (to compare).
    public static func compile(_ theme: ThemeSource, specializing: Bool = true) -> (TemplateSet?, [Diagnostic]) {
        _ = FastHTMLEscaping.registered
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        for template in theme.templates {
            do {
                let compiled = try MustacheTemplate(string: template.text)
                library.register(compiled, named: template.name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(
                    SourceLocation(path: template.path, line: error.context.lineNumber, column: error.context.columnNumber),
                    "template syntax error: \(error.error)",
                    hint: "check that every {{#section}} has its {{/section}} and tags are closed with }}"))
            } catch {
                diagnostics.append(.error(SourceLocation(path: template.path), "template error: \(error)"))
            }
        }
        let names = Set(theme.templates.map(\.name))
        for name in requiredTemplates where !names.contains(name) {
            diagnostics.append(.error(
                SourceLocation(path: "\(theme.folder)/templates/\(name).mustache"), "the theme has no '\(name)' template"))
        }
        for language in Language.allCases {
            let table = theme.strings[language] ?? [:]
            for key in UIStrings.requiredKeys where table[key] == nil {
                diagnostics.append(.error(
                    SourceLocation(path: "\(theme.folder)/i18n/\(language.rawValue).yml"),
                    "the UI string '\(key)' is missing", hint: "add '\(key): …'"))
            }
        }
        guard !diagnostics.contains(where: \.isError) else { return (nil, diagnostics) }
        let specializing = specializing
            && !theme.templates.contains { TemplateSpecializer.needsTheEngine($0.text) }
            && !theme.strings.values.contains { $0.values.contains(where: TemplateSpecializer.hasMarkerCharacters) }
        let set = TemplateSet(
            library: library, specializer: TemplateSpecializer(enabled: specializing),
            strings: theme.strings, emailStylesheet: theme.emailStylesheet,
            elementIDs: theme.templates.flatMap { idAttributes(in: $0.text) })
        return (set, diagnostics)
    }

    /// The values of the `id="…"` (or `id='…'`) attributes in a template's text.
    static func idAttributes(in text: String) -> [String] {
        var values: [String] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i + 4 < bytes.count {
            let isAttribute = bytes[i] == UInt8(ascii: "i") && bytes[i + 1] == UInt8(ascii: "d") && bytes[i + 2] == UInt8(ascii: "=")
                && (i == 0 || [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i - 1]))
            let quote = i + 3 < bytes.count ? bytes[i + 3] : 0
            guard isAttribute, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                i += 1
                continue
            }
            var end = i + 4
            while end < bytes.count, bytes[end] != quote { end += 1 }
            values.append(String(decoding: bytes[(i + 4)..<end], as: UTF8.self))
            i = end
        }
        return values
    }

    /// Whether the theme has a template of this name.
    public func has(_ name: String) -> Bool { library.getTemplate(named: name) != nil }

    /// Renders a view model (a `PageContext`, an `EmailContext`) with a template known to exist.
    /// `strings`: the language whose UI strings `context` answers `t` with, if it does (the fast path
    /// keeps each language's page shapes apart). A context that is not a page root answers no `t`.
    public func render(_ context: some TemplateFields, template: String, strings language: Language? = nil) -> String {
        specializer.render(context, template: template, language: language, library: library)
    }
}
