import Indexing
import Model
import Testing

/// The weekly check of the two languages, in both directions.
@Suite struct TranslationReportTests {
    func findings(_ items: [ContentItem]) -> [String] {
        TranslationReport(items: items).rows.map { "\($0.id) \($0.finding)" }
    }

    @Test func listsItemsMissingInEitherLanguage() {
        #expect(findings([
            Items.article("a", .fi, date: "2026-01-01"),
            Items.article("b", .sv, date: "2026-01-01"),
            Items.article("c", .fi, date: "2026-01-01"), Items.article("c", .sv, date: "2026-01-01"),
        ]) == ["articles/a sv missing", "articles/b fi missing"])
    }

    @Test func listsTranslationsOlderThanTheirSourceInBothDirections() {
        #expect(findings([
            Items.article("a", .fi, date: "2026-01-01", updated: "2026-03-01"), Items.article("a", .sv, date: "2026-01-01"),
            Items.article("b", .fi, date: "2026-01-01"), Items.article("b", .sv, date: "2026-01-01", updated: "2026-02-01"),
            Items.page("p", .fi, updated: "2026-05-01"), Items.page("p", .sv, updated: "2026-04-30"),
        ]) == ["articles/a sv older than fi", "articles/b fi older than sv", "pages/p sv older than fi"])
    }

    @Test func comparesDaysNotMomentsAndSkipsUndatedPages() {
        #expect(findings([
            Items.article("a", .fi, date: "2026-01-01T09:00"), Items.article("a", .sv, date: "2026-01-01"),
            Items.page("p", .fi), Items.page("p", .sv, updated: "2026-04-30"),
        ]).isEmpty)
    }

    @Test func listsTranslationsThatStillCarryTheMarker() {
        #expect(findings([
            Items.article("a", .fi, date: "2026-01-01"),
            Items.article("a", .sv, date: "2026-01-01", title: "ÖVERSÄTT: Otsikko"),
            Items.article("b", .fi, date: "2026-01-01", body: "KÄÄNNÄ: alla oleva teksti on ruotsiksi."),
            Items.article("b", .sv, date: "2026-01-01"),
        ]) == ["articles/a sv not translated yet", "articles/b fi not translated yet"])
    }

    @Test func printsAnAlignedTableWithASummary() {
        let report = TranslationReport(items: [
            Items.article("2026-11-20-uusi", .fi, date: "2026-11-20", draft: true),
            Items.page("tietoa", .fi, updated: "2026-05-01"), Items.page("tietoa", .sv, updated: "2026-04-30"),
        ])
        #expect(report.table == """
            item                      fi                  sv          status
            articles/2026-11-20-uusi  2026-11-20 (draft)  –           sv missing
            pages/tietoa              2026-05-01          2026-04-30  sv older than fi
            2 to check: 1 missing a translation, 1 older than the other language

            """)
        #expect(TranslationReport(items: []).table == "All 0 items are in both languages and up to date.\n")
    }
}
