import Foundation

/// Front matter every content type shares, already checked and typed.
public struct CommonMetadata: Sendable, Hashable {
    public var title: String
    public var date: Date?
    public var updated: Date?
    /// After this moment the item is no longer published.
    public var expires: Date?
    public var summary: String?
    public var slug: String?
    public var draft: Bool
    public var author: String?
    /// The lead picture, as written (`kuva.jpg`); `attachments` holds its content path.
    public var image: String?
    /// The content path of the lead picture (`content/practices/kuva.jpg`) and where `image:` is written,
    /// for the build's checks of the picture itself.
    public var imagePath: String?
    public var imageLocation: SourceLocation?
    /// What the picture shows, for those who do not see it; empty only for a decorative picture.
    public var imageAlt: String?
    /// `image_decorative: true`: the picture adds nothing the text does not say, and has an empty alt.
    public var imageDecorative = false
    /// The part of the picture a card thumbnail or share picture keeps (`image_focus`).
    public var imageFocus: PictureFocus = .center
    public var tags: [String]
    public var regions: [String]
    public var themes: [String]
    /// The files beside the content that the front matter names (`content/events/diat.pdf`): the image
    /// and relative links in link fields. They are published with the item.
    public var attachments: [String] = []

    public init(
        title: String, date: Date? = nil, updated: Date? = nil, summary: String? = nil, slug: String? = nil,
        draft: Bool = false, author: String? = nil, image: String? = nil, imageAlt: String? = nil,
        tags: [String] = [], regions: [String] = [], themes: [String] = []
    ) {
        self.title = title
        self.date = date
        self.updated = updated
        self.summary = summary
        self.slug = slug
        self.draft = draft
        self.author = author
        self.image = image
        self.imageAlt = imageAlt
        self.tags = tags
        self.regions = regions
        self.themes = themes
    }
}

/// A titled link, as in a practice's `links` or an event's `materials`.
public struct TitledLink: Sendable, Hashable {
    public var title: String
    public var url: String

    public init(title: String, url: String) {
        self.title = title
        self.url = url
    }
}

/// A contact person of a good practice: a role title rather than a private person's details.
public struct Contact: Sendable, Hashable {
    public var name: String?
    public var role: String?
    public var email: String?

    public init(name: String? = nil, role: String? = nil, email: String? = nil) {
        self.name = name
        self.role = role
        self.email = email
    }
}

/// Whether a good practice is still running.
public enum PracticeStatus: String, Sendable, Hashable, CaseIterable {
    case ongoing
    case ended
}

/// The structured facts of a good-practice case file.
public struct PracticeMetadata: Sendable, Hashable {
    public var municipalities: [String] = []
    public var organisation: String?
    public var period: String?
    public var status: PracticeStatus?
    public var funder: String?
    public var targetGroups: [String] = []
    public var contact: Contact?
    public var links: [TitledLink] = []

    public init() {}
}

/// The three kinds of event the programme runs.
public enum EventType: String, Sendable, Hashable, CaseIterable {
    case morningCoffee = "morning-coffee"
    case webinar
    case visit

    /// Whether the event happens on the net (and so should have an `online` link).
    public var isOnline: Bool { self != .visit }
}

/// Time, place and links of an event.
public struct EventMetadata: Sendable, Hashable {
    public var eventType: EventType
    public var start: Date
    public var end: Date?
    public var location: String?
    public var online: String?
    public var registration: String?
    /// The last moment registration is open (a date alone means the end of that day).
    public var registrationDeadline: Date?
    /// Whether the deadline was written as a date without a time (shown as a date).
    public var registrationDeadlineIsDate = false
    public var recording: String?
    public var materials: [TitledLink] = []

    public init(eventType: EventType, start: Date) {
        self.eventType = eventType
        self.start = start
    }

    /// When the event is over: its end, or its start when no end is given.
    public var effectiveEnd: Date { end ?? start }
}

/// One entry of a newsletter's `items`, with the line it was written on for error messages.
public struct NewsletterEntry: Sendable, Hashable {
    public var id: ItemID
    public var line: Int

    public init(id: ItemID, line: Int) {
        self.id = id
        self.line = line
    }
}

/// A newsletter issue's own keys.
public struct NewsletterMetadata: Sendable, Hashable {
    /// The issue numbers front matter may give (800 years of monthly issues); a bound keeps the next
    /// number's arithmetic and the issue's URL sane.
    public static let issueNumbers = 1...9_999

    public var issue: Int
    public var subject: String?
    public var preheader: String?
    public var items: [NewsletterEntry] = []

    public init(issue: Int) {
        self.issue = issue
    }
}

/// A standing page's own keys.
public struct PageMetadata: Sendable, Hashable {
    /// The menu orders front matter may give.
    public static let menuOrders = -999...999

    public var menu: Int?

    public init(menu: Int? = nil) {
        self.menu = menu
    }
}

/// The type-specific part of an item's front matter.
public enum TypeMetadata: Sendable, Hashable {
    case article
    case practice(PracticeMetadata)
    case event(EventMetadata)
    case newsletter(NewsletterMetadata)
    case page(PageMetadata)

    public var contentType: ContentType {
        switch self {
        case .article: .article
        case .practice: .practice
        case .event: .event
        case .newsletter: .newsletter
        case .page: .page
        }
    }
}
