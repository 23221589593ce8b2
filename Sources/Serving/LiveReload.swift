import Model

/// What the preview adds to every HTML page: a small script that reloads the page after a rebuild (over
/// Server-Sent Events), and, after a failed rebuild, an overlay with the errors until they are fixed.
/// Only the preview server adds these; built sites never contain them.
public enum LiveReload {
    public static let eventsPath = "/__tietopankki/events"

    static let script = """
        <script>(function () {
          var source = new EventSource("\(eventsPath)");
          source.addEventListener("reload", function () { window.location.reload(); });
        })();</script>
        """

    /// The page with the reload script, and the error overlay when `errors` is not empty.
    public static func inject(into html: String, errors: [Diagnostic]) -> String {
        var addition = script
        if !errors.isEmpty { addition = overlay(errors) + addition }
        guard let end = html.range(of: "</body>", options: .backwards) else { return html + addition }
        return html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: addition + "\n")
    }

    /// The errors of the last failed rebuild, readable and escaped.
    static func overlay(_ errors: [Diagnostic]) -> String {
        let items = errors.prefix(50).map { "<li><code>\(escape($0.description))</code></li>" }.joined()
        return """
            <div id="tietopankki-errors" role="alert" style="position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;\
            z-index:99999;background:#fff3f3;color:#1b1f24;border-top:4px solid #b00020;padding:1rem 1.5rem;\
            font:15px/1.5 system-ui,sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.2)">
            <p style="margin:0 0 .5rem;font-weight:700;color:#8a0016">Esikatselun koonti epäonnistui – \
            <span lang="sv">förhandsvisningen kunde inte byggas</span>. Sivusto näyttää viimeisimmän onnistuneen version.</p>
            <ul style="margin:0;padding-left:1.25rem;white-space:pre-wrap">\(items)</ul></div>
            """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
