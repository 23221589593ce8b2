import Authoring
import Foundation
import Model
import Testing

/// Choosing the next issue's items: what was published since the last issue and is not in it yet,
/// and every upcoming event.
@Suite struct NewsletterDraftTests {
    static let now = Items.date("2026-11-30T12:00")

    static let site: [ContentItem] = [
        Items.newsletter(1, date: "2026-09-01", title: "Yhteistuumin-uutiskirje 1/2026", items: ["articles/2026-08-20-vanha"]),
        Items.newsletter(2, date: "2026-11-19", title: "Yhteistuumin-uutiskirje 2/2026", items: ["articles/2026-11-19-listattu"]),
        Items.newsletter(2, .sv, date: "2026-11-19", title: "Nyhetsbrevet Kultur tillsammans 2/2026"),
        Items.article("2026-08-20-vanha", date: "2026-08-20"),
        Items.article("2026-11-19-listattu", date: "2026-11-19"),
        Items.article("2026-11-20-uusi", date: "2026-11-20"),
        Items.article("2026-11-20-uusi", .sv, date: "2026-11-20"),
        Items.article("2026-11-25-uusin", date: "2026-11-25"),
        Items.article("2026-11-26-luonnos", date: "2026-11-26", draft: true),
        Items.article("2026-12-05-tuleva", date: "2026-12-05"),
        Items.article("2026-11-27-ruotsiksi", .sv, date: "2026-11-27"),
        Items.practice("kaytanto", date: "2026-11-21"),
        Items.event("2026-12-10-webinaari", date: "2026-11-01", start: "2026-12-10T13:00"),
        Items.event("2026-12-03-aamukahvi", date: "2026-10-01", start: "2026-12-03T08:30"),
        Items.event("2026-11-28-mennyt", date: "2026-11-22", start: "2026-11-28T10:00"),
        Items.event("2027-01-01-luonnos", date: "2026-11-22", start: "2027-01-01T10:00", draft: true),
    ]

    func plan(_ items: [ContentItem] = site, language: Language = .fi, since: String? = nil, files: [Int] = []) throws -> NewsletterDraft {
        try NewsletterDraft.plan(
            items: items, language: language, since: since.flatMap(CalendarDay.init), now: Self.now,
            issueNumbersInFileNames: files).get()
    }

    @Test func numbersTheIssueAfterTheLastOne() throws {
        #expect(try plan().issue == 3)
        #expect(try plan(files: [1, 2, 7]).issue == 8)
    }

    @Test func saysSoWhenTheLastIssueHasTheHighestNumberAllowed() {
        let last = NewsletterMetadata.issueNumbers.upperBound
        let result = NewsletterDraft.plan(
            items: Self.site, language: .fi, since: nil, now: Self.now, issueNumbersInFileNames: [last])
        #expect(throws: NewsletterDraft.Problem.noIssueNumberLeft) { _ = try result.get() }
    }

    @Test func listsWhatWasPublishedSinceThePreviousIssueAndTheUpcomingEvents() throws {
        let draft = try plan()
        #expect(draft.since == CalendarDay("2026-11-19"))
        #expect(draft.entries.map(\.id.description) == [
            "articles/2026-11-27-ruotsiksi", "articles/2026-11-25-uusin", "articles/2026-11-20-uusi",
            "events/2026-12-03-aamukahvi", "events/2026-12-10-webinaari",
            "practices/kaytanto",
            "events/2026-11-28-mennyt",
        ])
        #expect(draft.entries.filter(\.isUpcomingEvent).map(\.id.name) == ["2026-12-03-aamukahvi", "2026-12-10-webinaari"])
    }

    @Test func namesTheDraftsItLeftOut() throws {
        #expect(try plan().leftOutDrafts.map(\.description) == ["articles/2026-11-26-luonnos", "events/2027-01-01-luonnos"])
    }

    @Test func showsAnItemInTheOtherLanguageWhenThatIsAllThereIs() throws {
        let draft = try plan()
        #expect(draft.entries.first { $0.id.name == "2026-11-27-ruotsiksi" }?.language == .sv)
        #expect(draft.entries.first { $0.id.name == "2026-11-20-uusi" }?.language == .fi)
        let text = NewItemTemplate.text(for: draft.newItem(day: CalendarDay(Self.now)))
        #expect(text.contains("  - articles/2026-11-27-ruotsiksi"))
        #expect(text.contains("# vain ruotsiksi: 2026-11-27-ruotsiksi sv (27.11.2026)"))
        #expect(text.contains("date: 2026-11-30 "))
        #expect(text.contains("issue: 3 "))
    }

    @Test func countsFromTheDayGiven() throws {
        let draft = try plan(since: "2026-11-24")
        #expect(draft.since == CalendarDay("2026-11-24"))
        #expect(!draft.entries.contains { $0.id.name == "2026-11-20-uusi" })
        #expect(draft.entries.contains { $0.id.name == "2026-11-25-uusin" })
    }

    @Test func needsADayWhenThereIsNoEarlierIssue() throws {
        let items = Self.site.filter { $0.type != .newsletter }
        #expect(throws: NewsletterDraft.Problem.noEarlierIssue) { try plan(items) }
        #expect(try plan(items, since: "2026-11-01").issue == 1)
    }

    @Test func carriesThePreviousTitleOnWithTheNewNumber() throws {
        #expect(try plan().title == "Yhteistuumin-uutiskirje 3/2026")
        #expect(try plan(language: .sv).title == "Nyhetsbrevet Kultur tillsammans 3/2026")
        let plain = [Items.newsletter(4, date: "2026-11-19", title: "Marraskuun kirje")]
        #expect(try plan(plain).title == "Uutiskirje 5/2026")
        #expect(try plan(plain, language: .sv).title == "Nyhetsbrev 5/2026")
    }
}
