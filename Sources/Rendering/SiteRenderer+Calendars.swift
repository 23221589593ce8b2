import Foundation
import Indexing
import Markdown
import Model
import Templates

/// The iCalendar files: one per event, and one per language with the upcoming events and last year's.
extension SiteRenderer {
    func calendarEntry(_ item: ContentItem) -> CalendarWriter.Entry? {
        guard let event = item.event else { return nil }
        DependencyTracking.record(item.path)
        return CalendarWriter.Entry(
            id: item.id, title: item.common.title, summary: item.common.summary, event: event,
            url: index.absoluteURL(of: item), typeLabel: builder.t(item.language).eventTypeName(event.eventType))
    }

    func eventCalendar(_ item: ContentItem) -> OutputFile {
        let writer = CalendarWriter(baseURL: index.config.baseURL, now: index.now)
        let text = writer.calendar(
            name: item.common.title, language: item.language, entries: calendarEntry(item).map { [$0] } ?? [])
        return .text(SitePaths.outputFile(for: SitePaths.eventICS(itemPath: index.url(of: item), item.language)), text)
    }

    /// Upcoming events and those of the last 12 months, soonest first.
    func languageCalendar(_ language: Language) -> OutputFile {
        let writer = CalendarWriter(baseURL: index.config.baseURL, now: index.now)
        let yearAgo = index.now.addingTimeInterval(-365 * 86_400)
        let recent = (index.pastEvents[language] ?? []).filter { ($0.event?.start ?? .distantPast) >= yearAgo }
        let events = recent.reversed() + (index.upcomingEvents[language] ?? [])
        let name = "\(index.config.title[language] ?? "") – \(builder.t(language)["calendar_name"])"
        let text = writer.calendar(name: name, language: language, entries: events.compactMap(calendarEntry))
        return .text(SitePaths.outputFile(for: SitePaths.eventCalendar(language)), text)
    }
}
