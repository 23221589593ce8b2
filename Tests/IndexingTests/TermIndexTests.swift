import Foundation
@testable import Indexing
import Model
import Testing

@Suite struct TermIndexTests {
    static let regions = Vocabulary(terms: [
        ("koko-suomi", "Koko Suomi", "Hela Finland"), ("uusimaa", "Uusimaa", "Nyland"),
        ("varsinais-suomi", "Varsinais-Suomi", "Egentliga Finland"), ("ahvenanmaa", "Ahvenanmaa", "Åland"),
        ("etela-karjala", "Etelä-Karjala", "Södra Karelen"), ("pohjanmaa", "Pohjanmaa", "Österbotten"),
        ("aland-test", "Öljy", "Zeta"),
    ].map { Vocabulary.Term(key: $0.0, label: [.fi: $0.1, .sv: $0.2]) })

    static func item(_ name: String, _ language: Language, tags: [String] = [], regions: [String] = [], themes: [String] = []) -> ContentItem {
        var common = CommonMetadata(title: name, date: LocalTime.parse("2026-01-01"))
        common.tags = tags
        common.regions = regions
        common.themes = themes
        return ContentItem(
            id: ItemID("articles/\(name)")!, language: language, path: "content/articles/\(name).\(language.rawValue).md",
            common: common, specific: .article, body: "", bodyLine: 5, keyLines: ["tags": 4, "regions": 5])
    }

    @Test func sortsRegionsByTheLanguagesCollationWithNationwideFirst() {
        let (fi, _) = TermIndexer.index(items: [], regions: Self.regions, themes: Vocabulary(terms: []), tagPairs: [], language: .fi)
        #expect(fi[.region]!.map(\.label) == ["Koko Suomi", "Ahvenanmaa", "Etelä-Karjala", "Pohjanmaa", "Uusimaa", "Varsinais-Suomi", "Öljy"])
        let (sv, _) = TermIndexer.index(items: [], regions: Self.regions, themes: Vocabulary(terms: []), tagPairs: [], language: .sv)
        #expect(sv[.region]!.map(\.label) == ["Hela Finland", "Egentliga Finland", "Nyland", "Södra Karelen", "Zeta", "Åland", "Österbotten"])
    }

    /// Every list of terms (term indexes, browse's keyword lists) goes through `collated`: case does not
    /// decide the order (byte order would put every capital before "a"), and Å, Ä, Ö come after Z, in
    /// that order, in both languages.
    @Test(arguments: [Language.fi, .sv])
    func collationIgnoresCaseAndPutsÅÄÖAfterZ(language: Language) {
        let words = ["öljy", "Zeta", "ähtäri", "Åbo", "banaani", "Aamu", "Öland", "äiti", "zoo", "Bussi", "ankka", "Ärrä"]
        #expect(TermIndexer.collated(words, language) { $0 } == [
            "Aamu", "ankka", "banaani", "Bussi", "Zeta", "zoo", "Åbo", "ähtäri", "äiti", "Ärrä", "Öland", "öljy",
        ])
        // Words equal but for case keep one stable order whatever order they come in.
        #expect(TermIndexer.collated(["kirja", "Kirja", "KIRJA"], language) { $0 }
            == TermIndexer.collated(["KIRJA", "kirja", "Kirja"], language) { $0 })
    }

    @Test(arguments: [Language.fi, .sv])
    func tagsAreListedInTheLanguagesCollation(language: Language) {
        let tags = ["Öljynporaus", "zeta", "Ääni", "arki", "Bändit", "Åbo", "yhteisö", "Aamu"]
        let items = tags.enumerated().map { Self.item("t\($0.offset)", language, tags: [$0.element]) }
        let (terms, _) = TermIndexer.index(
            items: items, regions: Vocabulary(terms: []), themes: Vocabulary(terms: []), tagPairs: [], language: language)
        #expect(terms[.tag]!.map(\.label) == ["Aamu", "arki", "Bändit", "yhteisö", "zeta", "Åbo", "Ääni", "Öljynporaus"])
    }

    @Test func mergesTagsThatDifferOnlyInCaseOrAccentsAndWarns() {
        let items = [
            Self.item("a", .fi, tags: ["Kulttuurihyvinvointi"]),
            Self.item("b", .fi, tags: ["kulttuurihyvinvointi"]),
            Self.item("c", .fi, tags: ["kulttuurihyvinvointi", "Kirjastot"]),
        ]
        let (terms, diagnostics) = TermIndexer.index(
            items: items, regions: Vocabulary(terms: []), themes: Vocabulary(terms: []), tagPairs: [("kirjastot", "bibliotek")],
            language: .fi)
        let tags = terms[.tag]!
        #expect(tags.map(\.key) == ["kirjastot", "kulttuurihyvinvointi"])
        #expect(tags[1].label == "kulttuurihyvinvointi")
        #expect(tags[1].items.count == 3)
        #expect(tags[0].translationKey == "bibliotek")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].severity == .warning)
        #expect(diagnostics[0].location == SourceLocation(path: "content/articles/a.fi.md", line: 4, column: 1))
        #expect(diagnostics[0].message.contains("'Kulttuurihyvinvointi'"))
    }

    @Test func differentTagsSharingOneAddressAreNamedInTheWarning() {
        let items = [Self.item("a", .fi, tags: ["C++"]), Self.item("b", .fi, tags: ["C#"]), Self.item("c", .fi, tags: ["c"])]
        let (terms, diagnostics) = TermIndexer.index(
            items: items, regions: Vocabulary(terms: []), themes: Vocabulary(terms: []), tagPairs: [], language: .fi)
        #expect(terms[.tag]!.map(\.key) == ["c"])
        #expect(diagnostics.count == 1)
        let message = diagnostics.first?.message ?? ""
        #expect(message.contains("'C++' (content/articles/a.fi.md)") && message.contains("'C#' (content/articles/b.fi.md)") && message.contains("'c'"), "\(message)")
        #expect(message.contains("different words") && !message.contains("only in case"), "\(message)")
    }

    @Test func moreDifferentTagsThanTheLimitIsAnErrorAtTheFileThatGoesOver() {
        let perItem = ContentLimits.tagsPerItem
        let count = ContentLimits.tagsPerLanguage / perItem + 1
        let items = (0..<count).map { number in
            Self.item(String(format: "i%04d", number), .fi, tags: (0..<perItem).map { "t\(number)-\($0)" })
        }
        let (_, diagnostics) = TermIndexer.index(
            items: items, regions: Vocabulary(terms: []), themes: Vocabulary(terms: []), tagPairs: [], language: .fi)
        let errors = diagnostics.filter(\.isError)
        #expect(errors.count == 1)
        #expect(errors.first?.location == SourceLocation(path: String(format: "content/articles/i%04d.fi.md", count - 1), line: 4, column: 1))
        #expect(errors.first?.message == "more than \(ContentLimits.tagsPerLanguage) different tags in fi across the site")
    }

    @Test func countsItemsPerTypeAndKeepsEmptyVocabularyTerms() {
        let (terms, _) = TermIndexer.index(
            items: [Self.item("a", .fi, regions: ["uusimaa"]), Self.item("b", .sv, regions: ["uusimaa"])],
            regions: Self.regions, themes: Vocabulary(terms: []), tagPairs: [], language: .fi)
        let uusimaa = terms[.region]!.first { $0.key == "uusimaa" }
        #expect(uusimaa?.items.count == 1)
        #expect(uusimaa?.counts == [.article: 1])
        #expect(terms[.region]!.count == 7)
    }

    @Test func warnsWhenTranslationsDisagreeOnTheirClassification() {
        let fi = Self.item("a", .fi, regions: ["uusimaa"])
        let sv = Self.item("a", .sv, regions: ["uusimaa", "pohjanmaa"])
        let diagnostics = TermIndexer.checkTranslationPairs([
            IndexedItem(id: fi.id, versions: [.fi: fi, .sv: sv], urls: [:]),
        ])
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].message.contains("content/articles/a.fi.md"))
        #expect(diagnostics[0].message.contains("content/articles/a.sv.md"))
    }
}
