import Foundation
import Model

/// What the next build will show differently, so an operator sees why tonight's build matters:
/// an item being published or expiring, an event moving to the past, a registration closing.
public struct ScheduledChange: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case publishes = "is published"
        case expires = "expires"
        case eventEnds = "moves to past events"
        case registrationCloses = "closes registration"
    }

    public var moment: Date
    public var item: ItemID
    public var path: String
    public var kind: Kind
}

public enum Schedule {
    /// The earliest change after `now` among all items (drafts excluded: they change only when edited).
    public static func nextChange(_ items: [ContentItem], now: Date) -> ScheduledChange? {
        var best: ScheduledChange?
        func consider(_ moment: Date?, _ item: ContentItem, _ kind: ScheduledChange.Kind) {
            guard let moment, moment > now else { return }
            let candidate = ScheduledChange(moment: moment, item: item.id, path: item.path, kind: kind)
            if let current = best, (current.moment, current.path) <= (moment, item.path) { return }
            best = candidate
        }
        for item in items where !item.common.draft {
            consider(item.common.date, item, .publishes)
            consider(item.common.expires, item, .expires)
            if let event = item.event {
                consider(event.effectiveEnd, item, .eventEnds)
                if event.registration != nil { consider(event.registrationDeadline, item, .registrationCloses) }
            }
        }
        return best
    }
}
