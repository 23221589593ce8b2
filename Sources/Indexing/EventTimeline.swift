import Foundation
import Model

/// Splits events at the build moment. An event counts as upcoming until its end has passed (so one in
/// progress is still upcoming); upcoming ones are listed soonest first, past ones newest first.
public enum EventTimeline {
    public static func isPast(_ event: EventMetadata, now: Date) -> Bool {
        event.effectiveEnd < now
    }

    /// Whether registration is still open at `now`: until the deadline, or until the start without one.
    public static func isRegistrationOpen(_ event: EventMetadata, now: Date) -> Bool {
        guard event.registration != nil else { return false }
        return now <= (event.registrationDeadline ?? event.start)
    }

    public static func split(_ events: [ContentItem], now: Date) -> (upcoming: [ContentItem], past: [ContentItem]) {
        var upcoming: [(ContentItem, EventMetadata)] = []
        var past: [(ContentItem, EventMetadata)] = []
        for item in events {
            guard let event = item.event else { continue }
            if isPast(event, now: now) { past.append((item, event)) } else { upcoming.append((item, event)) }
        }
        upcoming.sort { ($0.1.start, $0.0.id) < ($1.1.start, $1.0.id) }
        past.sort { ($0.1.start, $1.0.id) > ($1.1.start, $0.0.id) }
        return (upcoming.map(\.0), past.map(\.0))
    }
}
