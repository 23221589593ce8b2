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
    /// All the body's text as plain text (its first 200 KB), for the search index's words.
    public var searchText: String = ""
    /// Whether the body has more text than `searchText` holds.
    public var searchTextCut = false
    /// Every link and image of the body with its final URL and the line it was written on, so checks of
    /// the rendered page can point back at the Markdown.
    public var links: [LinkOrigin] = []
    /// Content files (and assets) the body links to: when one of them moves, the body is rendered again.
    public var linkedSources: Set<String> = []
    /// The pictures beside the content the body shows, each where it is written.
    public var pictureUses: [PictureUse] = []
}
