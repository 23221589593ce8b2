import Foundation
import Model

/// Checks a rendered site: every internal link and `#anchor` resolves, every image has an `alt`
/// attribute. A problem in a link written in Markdown is reported at the Markdown's file and line;
/// one from a template at the output page and its line.
public enum SiteLinkChecker {
    struct PageFacts: Sendable {
        var ids: Set<String>
        var links: [(url: String, line: Int)]
        var imagesWithoutAlt: [(src: String, line: Int)]
    }

    /// - Parameters:
    ///   - pages: output path (`fi/x/index.html`) → HTML.
    ///   - files: every output path, HTML or not.
    ///   - origins: output path → links of the Markdown body rendered into that page.
    ///   - ignoring: URLs that are placeholders for other software (the newsletter's unsubscribe link).
    public static func check(
        pages: [String: String], files: Set<String>, origins: [String: [LinkOrigin]], ignoring: Set<String> = []
    ) -> [Diagnostic] {
        let paths = pages.keys.sorted()
        let facts = parallelMap(paths) { path in Self.facts(of: pages[path]!) }
        var factsByPath: [String: PageFacts] = [:]
        for (path, fact) in zip(paths, facts) { factsByPath[path] = fact }

        var diagnostics: [Diagnostic] = []
        for (path, fact) in zip(paths, facts) {
            let pageOrigins = origins[path] ?? []
            func location(_ url: String, _ line: Int) -> SourceLocation {
                // cmark percent-encodes URLs on output ("#eikä" → "#eik%C3%A4"): compare decoded forms.
                let decoded = url.removingPercentEncoding ?? url
                return pageOrigins.first { ($0.url.removingPercentEncoding ?? $0.url) == decoded }?.location
                    ?? SourceLocation(path: "output/" + path, line: max(line, 1), column: 1)
            }
            for (url, line) in fact.links where !ignoring.contains(url) {
                guard let (target, fragment) = resolve(url, from: path) else { continue }
                guard target != malformed else {
                    diagnostics.append(.error(
                        location(url, line), "broken link: \(url) has a '%' that starts no percent-encoded byte",
                        hint: "a browser cannot fetch it; link the file through its content file name so the build encodes it"))
                    continue
                }
                if let target {
                    guard files.contains(target) else {
                        diagnostics.append(.error(
                            location(url, line), "broken link: \(url) leads to no page of the site",
                            hint: "link to an existing content file (../folder/name.fi.md) so the build keeps it right"))
                        continue
                    }
                }
                let page = target ?? path
                if let fragment, !fragment.isEmpty, let ids = factsByPath[page]?.ids, !ids.contains(fragment) {
                    diagnostics.append(.error(
                        location(url, line), "broken anchor: \(url) — the page has no element with id '\(fragment)'",
                        hint: "headings get ids from their text, e.g. '## Lähtötilanne' → #lahtotilanne"))
                }
            }
            for (src, line) in fact.imagesWithoutAlt {
                diagnostics.append(.error(
                    location(src, line), "the image \(src) has no alt attribute",
                    hint: "describe the picture, or give alt=\"\" when it is decoration"))
            }
        }
        return diagnostics
    }

    static func facts(of html: String) -> PageFacts {
        guard let document = HTMLDocument(html: html) else { return PageFacts(ids: [], links: [], imagesWithoutAlt: []) }
        var ids: Set<String> = []
        var links: [(String, Int)] = []
        var images: [(String, Int)] = []
        for element in document.allElements {
            if let id = element["id"] { ids.insert(id) }
            if element.name == "a", let name = element["name"] { ids.insert(name) }
            if element.name == "a" || (element.name == "link" && element["rel"] == "alternate" && element["hreflang"] == nil) {
                if let href = element["href"] { links.append((href, element.line)) }
            }
            if element.name == "img" {
                if let src = element["src"] { links.append((src, element.line)) }
                if element["alt"] == nil { images.append((element["src"] ?? "?", element.line)) }
            }
        }
        return PageFacts(ids: ids, links: links, imagesWithoutAlt: images)
    }

    /// The output file a link leads to (nil target: the same page) and its fragment; nil for links that
    /// leave the site (other schemes, other hosts).
    /// Read as a browser reads a URL: backslashes are slashes, and a path whose percent-encoding is
    /// malformed gets the target `malformed` (the browser's request fails; it is no file of the site).
    static func resolve(_ url: String, from page: String) -> (target: String?, fragment: String?)? {
        let url = url.utf8.contains(UInt8(ascii: "\\")) ? url.replacingOccurrences(of: "\\", with: "/") : url
        if url.isEmpty || url.hasPrefix("//") || hasScheme(url) { return nil }
        var path = url
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...]).removingPercentEncoding
            path = String(path[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        if path.isEmpty { return (nil, fragment) }
        guard let decoded = path.removingPercentEncoding else { return (malformed, fragment) }
        path = decoded
        var parts: [Substring] = path.hasPrefix("/") ? [] : page.split(separator: "/").dropLast()
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            if component == "." { continue }
            if component == ".." { _ = parts.popLast(); continue }
            parts.append(component)
        }
        var target = parts.joined(separator: "/")
        if path.hasSuffix("/") || target.isEmpty { target += target.isEmpty ? "index.html" : "/index.html" }
        return (target, fragment)
    }

    /// The target of a link whose percent-encoding is malformed.
    static let malformed = "\u{0}malformed"

    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        return url[..<colon].allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }
}
