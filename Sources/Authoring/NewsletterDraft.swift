import Foundation
import Indexing
import Model

/// The next newsletter issue, chosen from the content: numbered after the last issue, listing what was
/// published since a day (by default the previous issue's date) that no earlier issue listed, and every
/// event still to come. A pure function of the loaded items and the moment.
public struct NewsletterDraft: Sendable {
    /// One item the issue lists, with what the editor sees beside its id.
    public struct Entry: Sendable, Hashable {
        /// The id the issue lists.
        public var id: ItemID
        /// The item's title in `language`, shown as a comment beside the id.
        public var title: String
        /// The language the item is shown in: the issue's, or the other one when that is all there is.
        public var language: Language
        /// The publication date, or the start for an upcoming event.
        public var date: Date
        /// Whether the item is listed as an upcoming event rather than as recently published.
        public var isUpcomingEvent: Bool
    }

    /// Why no draft can be made.
    public enum Problem: Error, Equatable {
        /// No `--since` was given and there is no earlier issue to count from.
        case noEarlierIssue
        /// The last issue has the highest number an issue may have.
        case noIssueNumberLeft
    }

    /// The new issue's number: one more than the highest used.
    public var issue: Int
    /// The issue's language.
    public var language: Language
    /// The first day whose items are listed.
    public var since: CalendarDay
    /// The issue's title.
    public var title: String
    /// Recent articles (newest first), upcoming events (soonest first), recent good practices, and
    /// events announced since `since` that are already over.
    public var entries: [Entry]
    /// Drafts dated since `since` that would otherwise be listed: the editor may want to finish them first.
    public var leftOutDrafts: [ItemID] = []

    /// Plans the issue after the highest of the loaded issues and `issueNumbersInFileNames` (so an
    /// issue whose file has errors is not numbered twice).
    public static func plan(
        items: [ContentItem], language: Language, since: CalendarDay?, now: Date, issueNumbersInFileNames: [Int] = []
    ) -> Result<NewsletterDraft, Problem> {
        let issues = items.filter { $0.type == .newsletter }
        let declared = issues.compactMap { $0.newsletter?.issue }
        let highest = (declared + issueNumbersInFileNames).max() ?? 0
        guard highest < NewsletterMetadata.issueNumbers.upperBound else { return .failure(.noIssueNumberLeft) }
        let issue = highest + 1
        let previous = issues.filter { $0.newsletter?.issue == declared.max() }
            .sorted { ($0.language == language ? 0 : 1) < ($1.language == language ? 0 : 1) }.first
        guard let from = since ?? previous?.common.date.map(CalendarDay.init) else { return .failure(.noEarlierIssue) }

        let listedBefore = Set(issues.flatMap { $0.newsletter?.items.map(\.id) ?? [] })
        let policy = PublishingPolicy(now: now)
        var versions: [ItemID: ContentItem] = [:]
        for item in items where [.article, .practice, .event].contains(item.type) && policy.publishes(item) {
            if versions[item.id] == nil || item.language == language { versions[item.id] = item }
        }
        let shown = versions.values.sorted { $0.id < $1.id }
        let upcoming = EventTimeline.split(shown.filter { $0.type == .event }, now: now).upcoming
        let upcomingIDs = Set(upcoming.map(\.id))
        let recent = shown
            .filter { ($0.common.date ?? .distantPast) >= from.start && !listedBefore.contains($0.id) }
            .filter { !upcomingIDs.contains($0.id) }
            .sorted(by: SiteIndexer.newestFirst)
        func entries(_ list: [ContentItem], upcoming: Bool = false) -> [Entry] {
            list.map {
                Entry(
                    id: $0.id, title: $0.common.title, language: $0.language,
                    date: upcoming ? ($0.event?.start ?? $0.sortDate) : $0.sortDate, isUpcomingEvent: upcoming)
            }
        }
        let ordered = entries(recent.filter { $0.type == .article }) + entries(upcoming, upcoming: true)
            + entries(recent.filter { $0.type == .practice }) + entries(recent.filter { $0.type == .event })
        let title = nextTitle(after: previous?.common.title, issue: issue, year: CalendarDay(now).year, language: language)
        let listed = Set(ordered.map(\.id))
        let drafts = items.filter {
            [.article, .practice, .event].contains($0.type) && $0.common.draft && !listed.contains($0.id)
                && !listedBefore.contains($0.id) && ($0.common.date ?? .distantPast) >= from.start
        }
        return .success(NewsletterDraft(
            issue: issue, language: language, since: from, title: title, entries: ordered,
            leftOutDrafts: Array(Set(drafts.map(\.id))).sorted()))
    }

    /// The issue as a new file, dated `day`.
    public func newItem(day: CalendarDay) -> NewItem {
        let phrases = Phrases.of(language)
        let listed = entries.map { entry -> (id: ItemID, comment: String?) in
            let note = entry.language == language ? "" : "\(phrases.onlyInOtherLanguage): "
            return (entry.id, "\(note)\(entry.title) (\(CalendarDay(entry.date).localText))")
        }
        return NewItem(type: .newsletter, language: language, title: title, day: day, issue: issue, newsletterItems: listed)
    }

    /// The previous issue's title with the new number (`Yhteistuumin-uutiskirje 2/2026` → `… 3/2026`),
    /// or a plain `Uutiskirje 3/2026` when the previous title has no `N/YYYY` at its end.
    static func nextTitle(after previous: String?, issue: Int, year: Int, language: Language) -> String {
        if let previous, let space = previous.lastIndex(of: " ") {
            let last = previous[previous.index(after: space)...].split(separator: "/")
            if last.count == 2, Int(last[0]) != nil, last[1].count == 4, Int(last[1]) != nil {
                return "\(previous[..<space]) \(issue)/\(year)"
            }
        }
        return Phrases.of(language).newsletterTitle(issue, year)
    }
}
