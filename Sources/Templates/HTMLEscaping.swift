import Mustache

/// HTML escaping for `{{ }}` in templates: the same five replacements as swift-mustache's own HTML
/// content type (`&lt; &gt; &amp; &quot; &#39;`), done over bytes, returning the string untouched when
/// nothing needs escaping (most values). Templates opt in with `{{% CONTENT_TYPE: HTML_FAST }}`; one that
/// does not still gets the library's escaping, so no template can end up unescaped by omission.
struct FastHTMLEscaping: MustacheContentType {
    static let name = "HTML_FAST"

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        escapes.escape(text)
    }

    static let escapes = EscapeTable(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"])

    /// Registered once, before any template is compiled.
    static let registered: Bool = {
        MustacheContentTypes.register(FastHTMLEscaping(), named: name)
        return true
    }()
}
