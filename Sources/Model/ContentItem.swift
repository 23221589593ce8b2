import Foundation

/// One content file: an item in one language, with typed front matter and its Markdown body.
public struct ContentItem: Sendable, Hashable {
    public var id: ItemID
    public var language: Language
    /// The path relative to the site folder, e.g. `content/articles/x.fi.md`, as errors print it.
    public var path: String
    public var common: CommonMetadata
    public var specific: TypeMetadata
    public var body: String
    /// The file line on which the body's first line stands, so Markdown positions map back to the file.
    public var bodyLine: Int
    /// The file line of each front matter key, for errors found after loading (URL clashes, links).
    public var keyLines: [String: Int]

    public init(
        id: ItemID, language: Language, path: String, common: CommonMetadata, specific: TypeMetadata,
        body: String, bodyLine: Int, keyLines: [String: Int] = [:]
    ) {
        self.keyLines = keyLines
        self.id = id
        self.language = language
        self.path = path
        self.common = common
        self.specific = specific
        self.body = body
        self.bodyLine = bodyLine
    }

    public var type: ContentType { id.type }

    /// The event facts, when the item is an event.
    public var event: EventMetadata? {
        if case .event(let event) = specific { return event }
        return nil
    }

    /// The practice facts, when the item is a good practice.
    public var practice: PracticeMetadata? {
        if case .practice(let practice) = specific { return practice }
        return nil
    }

    /// The newsletter facts, when the item is a newsletter issue.
    public var newsletter: NewsletterMetadata? {
        if case .newsletter(let newsletter) = specific { return newsletter }
        return nil
    }

    /// The page facts, when the item is a standing page.
    public var page: PageMetadata? {
        if case .page(let page) = specific { return page }
        return nil
    }

    /// The moment that orders items newest first: the date, or for undated pages the distant past.
    public var sortDate: Date { common.date ?? .distantPast }

    /// Where a front matter key was written (or the first line of the front matter when it was not).
    public func location(ofKey key: String) -> SourceLocation {
        SourceLocation(path: path, line: keyLines[key] ?? 2, column: 1)
    }
}
