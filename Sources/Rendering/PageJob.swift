import Indexing
import Model

/// One page the site consists of. The build lists the jobs, then renders them in parallel; the preview
/// server can re-render just the jobs a change touches.
public enum PageJob: Sendable, Hashable {
    /// `/index.html`: the choice of language.
    case root
    /// `/404.html`: the not-found page in both languages, for requests outside `/fi/` and `/sv/`.
    case rootNotFound
    case home(Language)
    case item(ItemID, Language)
    case list(ContentType, Language, page: Int)
    case eventArchive(Language, page: Int)
    /// Upcoming and past events of one type.
    case eventType(EventType, Language, page: Int)
    /// The language's calendar to subscribe to (upcoming and the last 12 months).
    case eventCalendar(Language)
    /// One event's `.ics`.
    case eventICS(ItemID, Language)
    /// RSS of everything new in a language.
    case feed(Language)
    /// RSS of one region or theme.
    case termFeed(TermKind, String, Language)
    case sitemap
    case robots
    /// A newsletter issue as a stand-alone e-mail: `email.html` or `email.txt` beside its web page.
    case newsletterEmail(ItemID, Language, EmailFormat)
    case notFound(Language)
    /// All regions, themes or tags with their counts.
    case termIndex(TermKind, Language)
    /// One region's, theme's or tag's items.
    case term(TermKind, String, Language, page: Int)
    /// The knowledge bank's browse page and the data its script filters.
    case browse(Language)
    case browseData(Language)
    /// The search page and its index.
    case search(Language)
    case searchData(Language)
}

/// The two parts of a newsletter e-mail.
public enum EmailFormat: String, Sendable, Hashable, CaseIterable {
    case html
    case text
}
