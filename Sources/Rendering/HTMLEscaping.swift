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
        var text = text
        let special = text.withUTF8 { bytes in
            bytes.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 })
        }
        guard special else { return text }
        var output = [UInt8]()
        output.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 38: output.append(contentsOf: [38, 97, 109, 112, 59])          // &amp;
            case 60: output.append(contentsOf: [38, 108, 116, 59])              // &lt;
            case 62: output.append(contentsOf: [38, 103, 116, 59])              // &gt;
            case 34: output.append(contentsOf: [38, 113, 117, 111, 116, 59])    // &quot;
            case 39: output.append(contentsOf: [38, 35, 51, 57, 59])            // &#39;
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Registered once, before any template is compiled.
    static let registered: Bool = {
        MustacheContentTypes.register(FastHTMLEscaping(), named: name)
        return true
    }()
}
