import CCmarkGFM
import Foundation
import Model

/// A heading of a rendered body, with the id its `<hN>` element received.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var id: String
}

/// One Markdown body rendered to HTML, with what was learnt on the way.
public struct RenderedMarkdown: Sendable {
    public var html: String
    public var headings: [Heading]
    /// The first paragraph as plain text: the fallback summary for lists and feeds.
    public var firstParagraph: String
    public var diagnostics: [Diagnostic]
    /// The start of the body as plain text (at most `excerptLimit` characters), for the search index.
    public var excerpt: String = ""
    /// Every link and image of the body with its final URL and the line it was written on, so checks of
    /// the rendered page can point back at the Markdown.
    public var links: [LinkOrigin] = []
    /// Content files (and assets) the body links to: when one of them moves, the body is rendered again.
    public var linkedSources: Set<String> = []
}

/// cmark-gfm is told about its GFM extensions once per process, before any parallel use.
private let gfmExtensionsRegistered: Bool = {
    cmark_gfm_core_extensions_ensure_registered()
    return true
}()

/// cmark-gfm keeps the characters that start an inline extension ('~' for strikethrough, ':' and 'w' for
/// autolinks) in one table for the whole process: each parser adds its extensions' characters when it
/// begins the inline pass of `cmark_parser_finish` and clears them when it ends. Two documents in that pass
/// at once would each drop the other's strikethrough and autolinks, so the pass runs one document at a
/// time; reading blocks (`cmark_parser_feed`) and writing HTML stay parallel.
private let inlinePass = NSLock()

/// Finishes a parse, holding `inlinePass` for the inline pass that uses cmark-gfm's shared table.
private func finishParsing(_ parser: OpaquePointer) -> OpaquePointer? {
    inlinePass.lock()
    defer { inlinePass.unlock() }
    return cmark_parser_finish(parser)
}

/// Renders Markdown with cmark-gfm and the GFM extensions (table, strikethrough, autolink, tagfilter,
/// tasklist). Raw HTML is dropped (and reported) unless the site allows it; links to content files are
/// rewritten through a `LinkResolver`; headings get ids so `#anchors` work.
public struct MarkdownRenderer: Sendable {
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    public var allowRawHTML: Bool
    public var links: LinkResolver

    public init(allowRawHTML: Bool, links: LinkResolver) {
        _ = gfmExtensionsRegistered
        self.allowRawHTML = allowRawHTML
        self.links = links
    }

    /// Renders the body of `item`; positions in diagnostics are file lines.
    public func render(_ item: ContentItem) -> RenderedMarkdown {
        render(item.body, path: item.path, firstLine: item.bodyLine, language: item.language)
    }

    public func render(_ markdown: String, path: String, firstLine: Int, language: Language = .fi) -> RenderedMarkdown {
        let options = CMARK_OPT_DEFAULT | (allowRawHTML ? CMARK_OPT_UNSAFE : 0)
        guard let parser = cmark_parser_new(options) else {
            return RenderedMarkdown(html: "", headings: [], firstParagraph: "", diagnostics: [])
        }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var source = markdown
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let document = finishParsing(parser) else {
            return RenderedMarkdown(html: "", headings: [], firstParagraph: "", diagnostics: [])
        }
        defer { cmark_node_free(document) }

        var walk = TreeWalk(path: path, firstLine: firstLine, allowRawHTML: allowRawHTML, links: links, source: markdown)
        walk.visit(document)
        for node in walk.nodesToUnlink { Self.unlink(node) }

        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return RenderedMarkdown(html: "", headings: [], firstParagraph: "", diagnostics: walk.diagnostics)
        }
        // Heading ids and accessible tables are put in over cmark's bytes, and the result becomes a String
        // once: each String made on the way would check all of the body's UTF-8 again.
        let raw = UnsafeBufferPointer(start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self), count: strlen(rendered))
        var processed: [UInt8]? = walk.headings.isEmpty ? nil : ByteReplacing.addingHeadingIDs(raw, walk.headings.map { ($0.level, $0.id) })
        if walk.hasTable || walk.hasTaskItem {
            let pairs = Self.accessibleMarkupReplacements(language)
            if let headed = processed {
                processed = headed.withUnsafeBufferPointer { ByteReplacing.replacing($0, pairs) } ?? headed
            } else {
                processed = ByteReplacing.replacing(raw, pairs)
            }
        }
        let html = processed.map { String(decoding: $0, as: UTF8.self) } ?? String(decoding: raw, as: UTF8.self)
        free(rendered)
        return RenderedMarkdown(
            html: html, headings: walk.headings, firstParagraph: walk.firstParagraph, diagnostics: walk.diagnostics,
            excerpt: walk.excerpt, links: walk.links, linkedSources: walk.linkedSources)
    }

    /// The body as plain text wrapped at 72 columns, each link followed by its absolute URL in angle
    /// brackets, for the text part of the newsletter e-mail.
    public func plainText(_ item: ContentItem, baseURL: String) -> String {
        let options = CMARK_OPT_DEFAULT
        guard let parser = cmark_parser_new(options) else { return item.body }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var source = item.body
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let document = finishParsing(parser) else { return item.body }
        defer { cmark_node_free(document) }
        var links: [(OpaquePointer, String)] = []
        if let iterator = cmark_iter_new(document) {
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                      cmark_node_get_type(node) == CMARK_NODE_LINK
                else { continue }
                var url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                if case .replace(let resolved, _) = self.links.resolve(url, from: item.path, at: SourceLocation(path: item.path)) {
                    url = resolved
                }
                if url.hasPrefix("/"), !url.hasPrefix("//") { url = baseURL + url }
                links.append((node, url))
            }
            cmark_iter_free(iterator)
        }
        for (node, url) in links {
            let text = cmark_node_first_child(node).flatMap { cmark_node_get_literal($0) }.map { String(cString: $0) }
            guard text != url, let suffix = cmark_node_new(CMARK_NODE_TEXT) else { continue }
            cmark_node_set_literal(suffix, " <\(url)>")
            cmark_node_insert_after(node, suffix)
        }
        guard let rendered = cmark_render_plaintext(document, options, 72) else { return item.body }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Replaces a link node by its children, so its text stays without the link.
    private static func unlink(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            cmark_node_insert_before(node, child)
        }
        cmark_node_free(node)
    }

    /// What cmark writes is valid but not accessible everywhere: a task list's checkbox has no name, and a
    /// wide table can only be scrolled by keyboard inside a focusable region. Both fixed here, so pages
    /// need no script for it.
    static func accessibleMarkupReplacements(_ language: Language) -> [(needle: String, replacement: String)] {
        let task = language == .fi ? "tehtävä" : "uppgift"
        let table = language == .fi ? "Taulukko" : "Tabell"
        // cmark-gfm writes a task's checkbox in one of two forms; every needle starts with "<".
        return [
            ("<input type=\"checkbox\" disabled=\"\" />", "<input type=\"checkbox\" disabled=\"\" aria-label=\"\(task)\" />"),
            ("<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
             "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"\(task)\" />"),
            ("<table>", "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(table)\"><table>"),
            ("</table>", "</table></div>"),
        ]
    }

}

/// One pass over the parsed document: rewrites links, checks images and raw HTML, collects headings.
private struct TreeWalk {
    let path: String
    let firstLine: Int
    let allowRawHTML: Bool
    let resolver: LinkResolver
    var diagnostics: [Diagnostic] = []
    var headings: [Heading] = []
    var firstParagraph = ""
    var nodesToUnlink: [OpaquePointer] = []
    var links: [LinkOrigin] = []
    var linkedSources: Set<String> = []
    /// Whether the body has tables or task-list items, whose markup is made accessible after rendering.
    var hasTable = false
    var hasTaskItem = false
    /// Plain text of the body, capped: what search finds besides title and summary.
    var excerpt = ""
    static let excerptLimit = 500
    private var usedIDs: Set<String> = []
    private var rawHTMLLines: Set<Int> = []

    /// The body; its line start offsets are found only when a location is first needed.
    let source: String
    private var lineStarts: [Int]?

    init(path: String, firstLine: Int, allowRawHTML: Bool, links: LinkResolver, source: String) {
        self.path = path
        self.firstLine = firstLine
        self.allowRawHTML = allowRawHTML
        self.resolver = links
        self.source = source
    }

    mutating func visit(_ document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK: visitLink(node)
            case CMARK_NODE_IMAGE: visitImage(node)
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE: visitRawHTML(node)
            case CMARK_NODE_HEADING: visitHeading(node)
            case CMARK_NODE_ITEM:
                if !hasTaskItem, let type = cmark_node_get_type_string(node), strcmp(type, "tasklist") == 0 { hasTaskItem = true }
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if excerpt.utf8.count < Self.excerptLimit, let literal = cmark_node_get_literal(node) {
                    if !excerpt.isEmpty { excerpt += " " }
                    excerpt += String(cString: literal)
                    // Characters never outnumber bytes: only a long excerpt needs counting.
                    if excerpt.utf8.count > Self.excerptLimit { excerpt = CharacterCounting.prefix(excerpt, characters: Self.excerptLimit) }
                }
            case CMARK_NODE_PARAGRAPH:
                if firstParagraph.isEmpty, cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_DOCUMENT {
                    firstParagraph = plainText(of: node)
                }
            default:
                if !hasTable, let type = cmark_node_get_type_string(node), strcmp(type, "table") == 0 { hasTable = true }
            }
        }
    }

    /// The file position of a node. cmark counts columns in bytes; editors count characters.
    mutating func location(of node: OpaquePointer) -> SourceLocation {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 {
                let byteColumn = max(1, Int(cmark_node_get_start_column(candidate)))
                return SourceLocation(path: path, line: line + firstLine - 1, column: characterColumn(line: line, byte: byteColumn))
            }
            current = cmark_node_parent(candidate)
        }
        return SourceLocation(path: path, line: firstLine, column: 1)
    }

    mutating func characterColumn(line: Int, byte: Int) -> Int {
        var text = source
        if lineStarts == nil {
            lineStarts = text.withUTF8 { bytes in
                var starts = [0]
                guard let base = bytes.baseAddress else { return starts }
                var offset = 0
                while offset < bytes.count, let newline = memchr(base + offset, 10, bytes.count - offset) {
                    offset = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
                    starts.append(offset)
                }
                return starts
            }
        }
        guard let lineStarts, line - 1 < lineStarts.count else { return byte }
        let start = lineStarts[line - 1]
        return text.withUTF8 { bytes in
            let end = start + byte - 1
            guard end <= bytes.count else { return byte }
            let prefix = UnsafeBufferPointer(rebasing: bytes[start..<end])
            // Only letters beyond ASCII make bytes and characters differ.
            guard prefix.contains(where: { $0 >= 0x80 }) else { return byte }
            if let count = CharacterCounting.countWithoutJoiners(prefix) { return count + 1 }
            return String(decoding: prefix, as: UTF8.self).count + 1
        }
    }

    mutating func visitLink(_ node: OpaquePointer) {
        resolveURL(of: node, canUnlink: true)
    }

    /// Rewrites the URL of a link or image node through the resolver, recording where it came from and
    /// which content file it depends on (a missing one too: when it appears, the body is rendered again).
    /// A link to an unpublished item keeps its text without the link; an image cannot be unlinked.
    mutating func resolveURL(of node: OpaquePointer, canUnlink: Bool) {
        let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        let location = location(of: node)
        switch resolver.resolve(url, from: path, at: location) {
        case .keep: links.append(LinkOrigin(url: url, location: location))
        case .replace(let newURL, let target):
            cmark_node_set_url(node, newURL)
            links.append(LinkOrigin(url: newURL, location: location))
            linkedSources.insert(target)
        case .unlink(let diagnostic):
            diagnostics.append(diagnostic)
            if canUnlink { nodesToUnlink.append(node) }
            if let target = targetPath(of: url) { linkedSources.insert(target) }
        case .fail(let diagnostic):
            diagnostics.append(diagnostic)
            if let target = targetPath(of: url) { linkedSources.insert(target) }
        }
    }

    /// The content path a relative link points at, without `#fragment` or `?query`.
    func targetPath(of url: String) -> String? {
        guard URLPolicy.classify(url) == .relative else { return nil }
        let path = url.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "#" || $0 == "?" })[0]
        return ContentPath.join(String(path).removingPercentEncoding ?? String(path), relativeTo: self.path)
    }

    mutating func visitImage(_ node: OpaquePointer) {
        let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        if plainText(of: node).trimmingCharacters(in: .whitespaces).isEmpty {
            diagnostics.append(.error(
                location(of: node), "the image '\(url)' has no alternative text",
                hint: "write what the picture shows between the brackets: ![Kuvaus kuvasta](\(url))"))
        }
        resolveURL(of: node, canUnlink: false)
    }

    mutating func visitRawHTML(_ node: OpaquePointer) {
        guard !allowRawHTML else { return }
        let location = location(of: node)
        guard rawHTMLLines.insert(location.line).inserted else { return }
        diagnostics.append(.warning(
            location, "raw HTML is not published",
            hint: "write it in Markdown, or set 'allow_raw_html: true' in content/site.yml if the HTML is trusted"))
    }

    mutating func visitHeading(_ node: OpaquePointer) {
        let text = plainText(of: node)
        var base = Slug.make(from: text)
        if base.isEmpty { base = "otsikko" }
        var id = base
        var counter = 2
        while !usedIDs.insert(id).inserted {
            id = "\(base)-\(counter)"
            counter += 1
        }
        headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), text: text, id: id))
    }

    /// The literal text inside a node (text, code, line breaks as spaces).
    func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default: break
            }
        }
        return text
    }
}
