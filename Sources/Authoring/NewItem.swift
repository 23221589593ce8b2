import Foundation
import Model

/// What an editor asks for when starting an item: its type, language and title, the day it is written
/// (which dates it and names its file) and the facts some types need from the start.
public struct NewItem: Sendable {
    /// What to create.
    public var type: ContentType
    /// The file's language, which is also the language of its comments and prompts.
    public var language: Language
    /// The title as the editor typed it.
    public var title: String
    /// The day the item is written: its `date` and, except for events with a start, its file name's day.
    public var day: CalendarDay
    /// Events: the kind of event; morning coffees when not given.
    public var eventType: EventType
    /// Events: the start as written (`2026-12-03T08:30`); a marked placeholder on `day` when nil.
    public var start: String?
    /// Newsletters: the issue number.
    public var issue: Int?
    /// Newsletters: the ids to list, each with a comment (the item's title) or nil.
    public var newsletterItems: [(id: ItemID, comment: String?)]

    /// A request; the defaults suit every type but events and newsletters.
    public init(
        type: ContentType, language: Language, title: String, day: CalendarDay, eventType: EventType = .morningCoffee,
        start: String? = nil, issue: Int? = nil, newsletterItems: [(id: ItemID, comment: String?)] = []
    ) {
        self.type = type
        self.language = language
        self.title = title
        self.day = day
        self.eventType = eventType
        self.start = start
        self.issue = issue
        self.newsletterItems = newsletterItems
    }

    /// The file the item goes into, or nil when the title gives no name (no letters or digits).
    public var fileName: ContentFileName? {
        ContentFileName.forNewItem(type, title: title, language: language, day: startDay ?? day, issue: issue)
    }

    /// Events are named after the day they happen on, as the sample site's events are.
    var startDay: CalendarDay? {
        guard type == .event, let start, let date = LocalTime.parse(start) else { return nil }
        return CalendarDay(date)
    }
}
