import Foundation

/// One content file: an item in one language, with typed front matter and its Markdown body.
///
/// A value type whose fields live in one shared, immutable box: the index, the lists, the related items and
/// the renderers pass items around by the thousand, and a copy is one retain instead of one per field (some
/// twenty strings and arrays). Setting a field puts a new box in place, so mutation keeps value semantics.
public struct ContentItem: Sendable, Hashable {
    @usableFromInline
    struct Fields: Sendable, Hashable {

        @usableFromInline var id: ItemID
        @usableFromInline var language: Language
        @usableFromInline var path: String
        @usableFromInline var common: CommonMetadata
        @usableFromInline var specific: TypeMetadata
        @usableFromInline var body: String
        @usableFromInline var bodyLine: Int
        @usableFromInline var keyLines: [String: Int]
    }

    @usableFromInline
    final class Storage: Sendable {
        @usableFromInline let fields: Fields
        @usableFromInline init(_ fields: Fields) { self.fields = fields }
    }

    @usableFromInline var storage: Storage

    @inlinable
    mutating func update(_ change: (inout Fields) -> Void) {
        var fields = storage.fields
        change(&fields)
        storage = Storage(fields)
    }

    @inlinable public var id: ItemID {
        get { storage.fields.id }
        set { update { $0.id = newValue } }
    }
    @inlinable public var language: Language {
        get { storage.fields.language }
        set { update { $0.language = newValue } }
    }
    /// The path relative to the site folder, e.g. `content/articles/x.fi.md`, as errors print it.
    @inlinable public var path: String {
        get { storage.fields.path }
        set { update { $0.path = newValue } }
    }
    @inlinable public var common: CommonMetadata {
        get { storage.fields.common }
        set { update { $0.common = newValue } }
    }
    @inlinable public var specific: TypeMetadata {
        get { storage.fields.specific }
        set { update { $0.specific = newValue } }
    }
    @inlinable public var body: String {
        get { storage.fields.body }
        set { update { $0.body = newValue } }
    }
    /// The file line on which the body's first line stands, so Markdown positions map back to the file.
    @inlinable public var bodyLine: Int {
        get { storage.fields.bodyLine }
        set { update { $0.bodyLine = newValue } }
    }
    /// The file line of each front matter key, for errors found after loading (URL clashes, links).
    @inlinable public var keyLines: [String: Int] {
        get { storage.fields.keyLines }
        set { update { $0.keyLines = newValue } }
    }

    public init(
        id: ItemID, language: Language, path: String, common: CommonMetadata, specific: TypeMetadata,
        body: String, bodyLine: Int, keyLines: [String: Int] = [:]
    ) {
        storage = Storage(Fields(
            id: id, language: language, path: path, common: common, specific: specific, body: body,
            bodyLine: bodyLine, keyLines: keyLines))
    }

    public static func == (lhs: ContentItem, rhs: ContentItem) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
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
