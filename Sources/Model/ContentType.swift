/// The five kinds of content; each lives in its own folder under `content/`.
public enum ContentType: String, CaseIterable, Sendable, Hashable, Codable {
    case article
    case practice
    case event
    case newsletter
    case page

    /// The folder under `content/` that holds items of this type.
    public var folder: String {
        switch self {
        case .article: "articles"
        case .practice: "practices"
        case .event: "events"
        case .newsletter: "newsletters"
        case .page: "pages"
        }
    }

    /// Finds the type whose folder is `folder`.
    public init?(folder: String) {
        guard let type = ContentType.allCases.first(where: { $0.folder == folder }) else { return nil }
        self = type
    }

    /// The localised URL segment of the type's section, or nil for pages (which sit at the language root).
    public func sectionSegment(_ language: Language) -> String? {
        switch (self, language) {
        case (.article, .fi): "artikkelit"
        case (.article, .sv): "artiklar"
        case (.practice, .fi): "hyvat-kaytannot"
        case (.practice, .sv): "goda-exempel"
        case (.event, .fi): "tapahtumat"
        case (.event, .sv): "evenemang"
        case (.newsletter, .fi): "uutiskirjeet"
        case (.newsletter, .sv): "nyhetsbrev"
        case (.page, _): nil
        }
    }

    /// Whether `date` is required in front matter.
    public var requiresDate: Bool { self != .page }

    /// Whether the type has a list page of its own.
    public var hasListPage: Bool { self != .page }
}
