import CCmarkGFM
import Foundation
import Model

/// One pass over the parsed document: rewrites links, checks images and raw HTML, collects headings.
struct TreeWalk {
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
    /// Pictures beside the content that the body shows, where they are written.
    var pictureUses: [PictureUse] = []
    /// Image nodes to put the pipeline's markup in place of, once the walk is done.
    var pictureNodes: [(node: OpaquePointer, html: String)] = []
    let pictures: (any BodyPictures)?
    /// Whether the body has tables or task-list items, whose markup is made accessible after rendering.
    var hasTable = false
    var hasTaskItem = false
    /// Plain text of the body, capped: what search finds besides title and summary.
    var excerpt = ""
    static let excerptLimit = 500
    /// Every text of the body, in order, for the search index; bounded (a body's first 200 KB of text).
    /// Texts within a paragraph (or heading, list item, table cell) join as they stand ("**Kult**tuuri" is
    /// one word, "[kortti](…)." has no space before its full stop); a space stands between blocks and for
    /// line breaks and raw HTML.
    var searchText: [String] = []
    /// Whether a block, a line break or raw HTML came since the last text.
    private var textBreak = false
    private var searchTextBytes = 0
    static let searchTextLimit = 200_000
    /// Whether text was left out of `searchText` for the limit (the search index warns about it).
    var searchTextCut = false
    /// Ids the theme's pages already have.
    let reserved: ReservedIDs
    private var usedIDs: Set<String> = []
    /// Per heading text (slug), the next number to try after it: identical headings cost the same each.
    private var nextNumber: [String: Int] = [:]
    /// The heading nodes in document order (one per `headings` entry) and the tables, for the renderer
    /// to give ids and wrappers once the walk is done.
    var headingNodes: [OpaquePointer] = []
    var tableNodes: [OpaquePointer] = []
    /// How many ids were tried for headings (tests hold it to about one per heading).
    private(set) var candidatesTried = 0
    private var rawHTMLLines: Set<Int> = []

    /// The body; its line start offsets are found only when a location is first needed.
    let source: String
    private var lineStarts: [Int]?

    init(
        path: String, firstLine: Int, allowRawHTML: Bool, links: LinkResolver, source: String,
        reserved: ReservedIDs = .none, pictures: (any BodyPictures)? = nil
    ) {
        self.reserved = reserved
        self.pictures = pictures
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
            let type = cmark_node_get_type(node)
            if Int(type.rawValue) & Int(CMARK_NODE_TYPE_MASK) == Int(CMARK_NODE_TYPE_BLOCK) || type == CMARK_NODE_SOFTBREAK
                || type == CMARK_NODE_LINEBREAK || type == CMARK_NODE_HTML_INLINE {
                textBreak = true
            }
            switch type {
            case CMARK_NODE_LINK: visitLink(node)
            case CMARK_NODE_IMAGE: visitImage(node)
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE: visitRawHTML(node)
            case CMARK_NODE_HEADING: visitHeading(node)
            case CMARK_NODE_ITEM:
                if !hasTaskItem, let type = cmark_node_get_type_string(node), strcmp(type, "tasklist") == 0 { hasTaskItem = true }
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                guard let literal = cmark_node_get_literal(node), literal.pointee != 0 else { break }
                let text = String(cString: literal)
                let separator = textBreak ? " " : ""
                textBreak = false
                if searchTextBytes < Self.searchTextLimit {
                    if searchTextBytes > 0, !separator.isEmpty { searchText.append(separator) }
                    searchText.append(text)
                    searchTextBytes += text.utf8.count
                } else {
                    searchTextCut = true
                }
                if excerpt.utf8.count < Self.excerptLimit {
                    if !excerpt.isEmpty { excerpt += separator }
                    excerpt += text
                    // Characters never outnumber bytes: only a long excerpt needs counting.
                    if excerpt.utf8.count > Self.excerptLimit { excerpt = CharacterCounting.prefix(excerpt, characters: Self.excerptLimit) }
                }
            case CMARK_NODE_PARAGRAPH:
                if firstParagraph.isEmpty, cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_DOCUMENT {
                    firstParagraph = plainText(of: node)
                }
            default:
                if let type = cmark_node_get_type_string(node), strcmp(type, "table") == 0 {
                    hasTable = true
                    tableNodes.append(node)
                }
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
        let alt = plainText(of: node).trimmingCharacters(in: .whitespaces)
        if alt.isEmpty {
            diagnostics.append(.error(
                location(of: node), "the image '\(url)' has no alternative text",
                hint: "write what the picture shows between the brackets: ![Kuvaus kuvasta](\(url))"))
        }
        resolveURL(of: node, canUnlink: false)
        guard let target = targetPath(of: url), linkedSources.contains(target) else { return }
        pictureUses.append(PictureUse(target: target, location: location(of: node)))
        if let html = pictures?.markup(for: target, alt: alt) { pictureNodes.append((node, html)) }
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
        headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), text: text, id: headingID(for: text)))
        headingNodes.append(node)
    }

    /// The heading's text as a slug, unique in the body and never an id the theme reserves: `## Main`
    /// becomes `main-2` beside `<main id="main">`. Each slug remembers the next number to try, so
    /// 20,000 identical headings take constant time each (trying 2, 3, … from the start was quadratic).
    mutating func headingID(for text: String) -> String {
        var base = Slug.make(from: text)
        if base.isEmpty { base = "otsikko" }
        if reserved.hasReservedPrefix(base) { base = "h-" + base }
        var id = base
        candidatesTried += 1
        if !isFree(id) {
            var number = nextNumber[base] ?? 2
            while true {
                candidatesTried += 1
                if isFree("\(base)-\(number)") { break }
                number += 1
            }
            id = "\(base)-\(number)"
            nextNumber[base] = number + 1
        }
        usedIDs.insert(id)
        return id
    }

    private func isFree(_ id: String) -> Bool { !usedIDs.contains(id) && !reserved.reserves(id) }

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
