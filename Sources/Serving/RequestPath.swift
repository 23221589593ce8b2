/// Turns a request path into an output path of the in-memory site, or says why not. Pure, so path
/// traversal can be tested without a server: the site lives in memory, and nothing maps to the disk.
public enum RequestPath: Equatable, Sendable {
    /// Serve the file at this output path.
    case file(String)
    /// A folder asked for without its slash: redirect to this path.
    case redirect(String)
    /// Malformed or hostile (`..`, backslashes, NUL, bad percent-encoding): 400.
    case rejected

    /// - Parameter exists: whether an output path exists in the site.
    public static func resolve(_ raw: String, exists: (String) -> Bool) -> RequestPath {
        var path = raw
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<query]) }
        guard path.hasPrefix("/"), let decoded = path.removingPercentEncoding else { return .rejected }
        if decoded.contains("\0") || decoded.contains("\\") { return .rejected }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .rejected }
        if segments.dropLast().contains(where: \.isEmpty) { return .rejected }
        let relative = segments.joined(separator: "/")
        if relative.isEmpty || relative.hasSuffix("/") { return .file(relative + "index.html") }
        if exists(relative) { return .file(relative) }
        if exists(relative + "/index.html") { return .redirect(path + "/") }
        return .file(relative)
    }

    /// The not-found page that fits a path (an output path): `sv/404.html` under `/sv/`, `fi/404.html`
    /// under `/fi/`, and the root's bilingual `404.html` for everything else.
    public static func notFoundPage(for path: String) -> String {
        let relative = path.hasPrefix("/") ? path.dropFirst() : Substring(path)
        for language in ["fi", "sv"] where relative.hasPrefix(language + "/") { return language + "/404.html" }
        return "404.html"
    }
}
