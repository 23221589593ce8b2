import Foundation
import Indexing
import Model
import Testing

/// Builds indexes from items made in code, with a fixed build moment.
@Suite struct SiteIndexerTests {
    static let now = LocalTime.parse("2026-11-23T12:00:00+02:00")!

    static func item(
        _ folder: String, _ name: String, _ language: Language = .fi, title: String, date: String? = "2026-01-01",
        slug: String? = nil, draft: Bool = false, specific: TypeMetadata? = nil
    ) -> ContentItem {
        let id = ItemID("\(folder)/\(name)")!
        var common = CommonMetadata(title: title, date: date.flatMap(LocalTime.parse))
        common.slug = slug
        common.draft = draft
        return ContentItem(
            id: id, language: language, path: "content/\(folder)/\(name).\(language.rawValue).md", common: common,
            specific: specific ?? (id.type == .page ? .page(PageMetadata()) : .article), body: "", bodyLine: 4)
    }

    static func index(_ items: [ContentItem], drafts: Bool = false) -> (SiteIndex, [Diagnostic]) {
        let content = SiteContent(
            config: SiteConfig(baseURL: "https://t.example.fi", title: [.fi: "T", .sv: "T"]),
            regions: Vocabulary(terms: []), themes: Vocabulary(terms: []), items: items, assets: [])
        return SiteIndexer.index(content, policy: PublishingPolicy(now: now, includeDrafts: drafts))
    }

    @Test func givesLocalisedURLsAndPairsTranslations() throws {
        let (index, diagnostics) = Self.index([
            Self.item("articles", "a", .fi, title: "Kuntavierailu Petäjävedellä"),
            Self.item("articles", "a", .sv, title: "Kommunbesök i Petäjävesi"),
            Self.item("pages", "tietoa", .fi, title: "Tietoa", date: nil, slug: "tietoa"),
        ])
        #expect(diagnostics.isEmpty)
        let article = try #require(index.item(ItemID("articles/a")!))
        #expect(article.urls[.fi] == "/fi/artikkelit/kuntavierailu-petajavedella/")
        #expect(article.urls[.sv] == "/sv/artiklar/kommunbesok-i-petajavesi/")
        #expect(index.urlBySourcePath["content/pages/tietoa.fi.md"] == "/fi/tietoa/")
    }

    @Test func reportsTwoItemsOnOneURLNamingBothFiles() {
        let (_, diagnostics) = Self.index([
            Self.item("articles", "a", title: "Sama otsikko"),
            Self.item("articles", "b", title: "Sama otsikko"),
        ])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location?.path == "content/articles/b.fi.md")
        #expect(diagnostics.first?.message.contains("content/articles/a.fi.md") == true)
    }

    @Test func refusesPageSlugsTheSiteUses() {
        let (_, diagnostics) = Self.index([Self.item("pages", "p", title: "X", date: nil, slug: "artikkelit")])
        #expect(diagnostics.first?.message.contains("taken by the site itself") == true)
    }

    @Test func hidesDraftsAndFutureItemsUnlessAsked() {
        let items = [
            Self.item("articles", "draft", title: "Luonnos", draft: true),
            Self.item("articles", "future", title: "Tuleva", date: "2027-01-15"),
            Self.item("articles", "now", title: "Nyt"),
        ]
        let (published, _) = Self.index(items)
        #expect(published.list(.article, .fi).map(\.id.name) == ["now"])
        #expect(published.unpublishedSourcePaths == ["content/articles/draft.fi.md", "content/articles/future.fi.md"])
        let (withDrafts, _) = Self.index(items, drafts: true)
        #expect(withDrafts.list(.article, .fi).map(\.id.name) == ["draft", "now"])
    }

    @Test func listsNewestFirstWithStableTies() {
        let (index, _) = Self.index([
            Self.item("articles", "b", title: "B", date: "2024-01-01"),
            Self.item("articles", "a", title: "A", date: "2024-01-01"),
            Self.item("articles", "c", title: "C", date: "2025-01-01"),
        ])
        #expect(index.list(.article, .fi).map(\.id.name) == ["c", "a", "b"])
    }

    @Test func checksNewsletterItems() {
        var newsletter = NewsletterMetadata(issue: 1)
        newsletter.items = [
            NewsletterEntry(id: ItemID("articles/a")!, line: 6),
            NewsletterEntry(id: ItemID("articles/missing")!, line: 7),
        ]
        let (_, diagnostics) = Self.index([
            Self.item("articles", "a", title: "A"),
            Self.item("newsletters", "1", title: "Uutiskirje", specific: .newsletter(newsletter)),
        ])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location?.line == 7)
        #expect(diagnostics.first?.message == "the newsletter item 'articles/missing' matches no content")
    }
}

@Suite struct EventTimelineTests {
    static let now = LocalTime.parse("2026-11-23T12:00:00+02:00")!

    static func event(_ name: String, start: String, end: String?) -> ContentItem {
        var event = EventMetadata(eventType: .webinar, start: LocalTime.parse(start)!)
        event.end = end.flatMap(LocalTime.parse)
        return ContentItem(
            id: ItemID("events/\(name)")!, language: .fi, path: "content/events/\(name).fi.md",
            common: CommonMetadata(title: name), specific: .event(event), body: "", bodyLine: 1)
    }

    @Test func splitsAtTheBuildMomentAndCountsEventsInProgressAsUpcoming() {
        let split = EventTimeline.split([
            Self.event("past-old", start: "2020-10-21T09:00", end: "2020-10-22T15:00"),
            Self.event("in-progress", start: "2026-11-23T11:00", end: "2026-11-23T13:00"),
            Self.event("later", start: "2027-01-21T13:00", end: nil),
            Self.event("soon", start: "2026-11-26T08:30", end: "2026-11-26T09:30"),
            Self.event("past-recent", start: "2026-10-08T08:30", end: "2026-10-08T09:30"),
        ], now: Self.now)
        #expect(split.upcoming.map(\.id.name) == ["in-progress", "soon", "later"])
        #expect(split.past.map(\.id.name) == ["past-recent", "past-old"])
    }

    @Test func registrationIsOpenUntilTheDeadline() {
        var event = EventMetadata(eventType: .webinar, start: LocalTime.parse("2026-12-03T08:30")!)
        event.registration = "https://example.fi"
        event.registrationDeadline = LocalTime.parse("2026-11-23T11:59:59+02:00")
        #expect(!EventTimeline.isRegistrationOpen(event, now: Self.now))
        event.registrationDeadline = LocalTime.parse("2026-11-23T12:00:00+02:00")
        #expect(EventTimeline.isRegistrationOpen(event, now: Self.now))
        event.registration = nil
        #expect(!EventTimeline.isRegistrationOpen(event, now: Self.now))
    }
}
