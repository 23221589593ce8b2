import CCmarkGFM
import Foundation
import Model

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
    /// Ids the theme's pages have, which headings must not take.
    public var reservedIDs: ReservedIDs
    /// The markup of pictures beside the content (`<picture>` with variants); nil keeps cmark's `<img>`.
    public var pictures: (any BodyPictures)?

    public init(
        allowRawHTML: Bool, links: LinkResolver, reservedIDs: ReservedIDs = .none, pictures: (any BodyPictures)? = nil
    ) {
        _ = gfmExtensionsRegistered
        self.allowRawHTML = allowRawHTML
        self.links = links
        self.reservedIDs = reservedIDs
        self.pictures = pictures
    }

    /// Renders the body of `item`; positions in diagnostics are file lines.
    public func render(_ item: ContentItem) -> RenderedMarkdown {
        render(item.body, path: item.path, firstLine: item.bodyLine, language: item.language)
    }

    public func render(_ markdown: String, path: String, firstLine: Int, language: Language = .fi) -> RenderedMarkdown {
        if let overBudget = MarkdownBudget.check(markdown, path: path, firstLine: firstLine) {
            return RenderedMarkdown(html: "", headings: [], firstParagraph: "", diagnostics: [overBudget])
        }
        let options = CMARK_OPT_DEFAULT | (allowRawHTML ? CMARK_OPT_UNSAFE : 0)
        guard let parser = Self.parser(reading: markdown, options: options) else {
            return RenderedMarkdown(html: "", headings: [], firstParagraph: "", diagnostics: [])
        }
        defer { cmark_parser_free(parser) }
        guard let document = finishParsing(parser) else {
            return RenderedMarkdown(html: "", headings: [], firstParagraph: "", diagnostics: [])
        }
        defer { cmark_node_free(document) }
        if VerticalTabBreaks.needed(markdown) { VerticalTabBreaks.apply(document) }

        var walk = TreeWalk(
            path: path, firstLine: firstLine, allowRawHTML: allowRawHTML, links: links, source: markdown, reserved: reservedIDs,
            pictures: pictures)
        walk.visit(document)
        for node in walk.nodesToUnlink { Self.unlink(node) }
        for (node, html) in walk.pictureNodes { PictureNodes.replace(node, with: html) }
        // Marked in the tree, so that nothing raw HTML writes can take a heading's id or close a wrapper.
        let marker = HeadingMarker(avoiding: markdown)
        for node in walk.headingNodes { marker.mark(node) }
        for table in walk.tableNodes { Self.wrapForScrolling(table, language: language) }

        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return RenderedMarkdown(html: "", headings: [], firstParagraph: "", diagnostics: walk.diagnostics)
        }
        // Heading ids and task labels are put in over cmark's bytes, and the result becomes a String
        // once: each String made on the way would check all of the body's UTF-8 again.
        let raw = UnsafeBufferPointer(start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self), count: strlen(rendered))
        var processed: [UInt8]? = walk.headings.isEmpty ? nil : ByteReplacing.addingHeadingIDs(raw, marker: marker.bytes, walk.headings.map { ($0.level, $0.id) })
        if walk.hasTaskItem {
            let pairs = Self.taskLabelReplacements(language)
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
            excerpt: walk.excerpt, searchText: walk.searchText.joined(),
            searchTextCut: walk.searchTextCut, links: walk.links,
            linkedSources: walk.linkedSources, pictureUses: walk.pictureUses)
    }

    /// The body as plain text wrapped at 72 columns, each link followed by its absolute URL in angle
    /// brackets, for the text part of the newsletter e-mail.
    public func plainText(_ item: ContentItem, baseURL: String) -> String {
        let options = CMARK_OPT_DEFAULT
        guard let parser = Self.parser(reading: item.body, options: options) else { return item.body }
        defer { cmark_parser_free(parser) }
        guard let document = finishParsing(parser) else { return item.body }
        defer { cmark_node_free(document) }
        if VerticalTabBreaks.needed(item.body) { VerticalTabBreaks.apply(document) }
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
            TreeEdits.insert(suffix, after: node)
        }
        guard let rendered = cmark_render_plaintext(document, options, 72) else { return item.body }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// A parser with the GFM extensions attached that has read `markdown`'s blocks; the caller finishes
    /// it (`finishParsing`) and frees it.
    private static func parser(reading markdown: String, options: Int32) -> OpaquePointer? {
        guard let parser = cmark_parser_new(options) else { return nil }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var source = markdown
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        return parser
    }

    /// Replaces a link node by its children, so its text stays without the link (a child the parent
    /// cannot hold goes with the link rather than loop here).
    private static func unlink(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node), cmark_node_insert_before(node, child) != 0 {}
        cmark_node_free(node)
    }

    /// What cmark writes is valid but not accessible everywhere: a task list's checkbox has no name.
    /// Named here, so pages need no script for it.
    static func taskLabelReplacements(_ language: Language) -> [(needle: String, replacement: String)] {
        let task = language == .fi ? "tehtävä" : "uppgift"
        // cmark-gfm writes a task's checkbox in one of two forms; every needle starts with "<".
        return [
            ("<input type=\"checkbox\" disabled=\"\" />", "<input type=\"checkbox\" disabled=\"\" aria-label=\"\(task)\" />"),
            ("<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
             "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"\(task)\" />"),
        ]
    }

    /// A wide table can only be scrolled by keyboard inside a focusable region: the table node is put in
    /// a custom block that writes the region around it (a raw `<table>` is left as written).
    static func wrapForScrolling(_ table: OpaquePointer, language: Language) {
        let label = language == .fi ? "Taulukko" : "Tabell"
        guard let region = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(region, "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(label)\">")
        cmark_node_set_on_exit(region, "</div>")
        guard TreeEdits.insert(region, before: table) else { return }
        if cmark_node_append_child(region, table) == 0 { cmark_node_free(region) }
    }

}
