@testable import Rendering
import Testing

/// The passages search results show for words deep in a body, and the postings that choose them.
@Suite struct SearchPassageTests {
    /// The word at a passage's marked position.
    func word(in passage: (text: String, word: Int)) -> String {
        let units = Array(passage.text.utf16)
        let rest = units[passage.word...]
        let end = rest.firstIndex { $0 == 0x20 || $0 == 0x2E || $0 == 0x2C } ?? units.endIndex
        return String(decoding: units[passage.word..<end], as: UTF16.self)
    }

    @Test func aPassageStartsAndEndsAtSpacesAndSaysWhereTheBodyGoesOn() {
        let text = String(repeating: "sana ", count: 40) + "Kirjastoissa ääni 🎻 soi " + String(repeating: "loppu ", count: 40)
        let offset = String(repeating: "sana ", count: 40).utf8.count
        let passage = SearchPassage.cut(text, around: offset)
        #expect(passage.text.hasPrefix("… sana "), "\(passage.text)")
        #expect(passage.text.hasSuffix(" loppu …"), "\(passage.text)")
        #expect(word(in: passage) == "Kirjastoissa")
        #expect(passage.text.utf8.count <= SearchPassage.before + SearchPassage.after + 8)
        let after = SearchPassage.cut(text, around: offset + "Kirjastoissa ääni 🎻 ".utf8.count)
        #expect(word(in: after) == "soi", "UTF-16 units, as JavaScript counts them (🎻 is two)")
    }

    @Test func aPassageAtTheEdgesOfTheTextHasNoEllipsisThere() {
        let start = SearchPassage.cut("Kirjasto on auki.", around: 0)
        #expect(start.text == "Kirjasto on auki." && start.word == 0)
        let end = SearchPassage.cut(String(repeating: "x ", count: 60) + "viimeinen", around: 120)
        #expect(end.text.hasPrefix("… ") && !end.text.hasSuffix("…") && word(in: end) == "viimeinen")
    }

    @Test func aRunWithoutSpacesIsCutOnACharacterBoundary() {
        let text = String(repeating: "ä", count: 400)
        let passage = SearchPassage.cut(text, around: 400)
        #expect(passage.text.hasPrefix("… ä") && passage.text.hasSuffix("ä …"), "whole characters only")
        #expect(word(in: passage).hasPrefix("ää"))
    }

    @Test func theFirstScreensBodyHitsAreTheNewestAfterTheTitleAndSummaryHits() {
        var postings = SearchPostings(language: .fi)
        let filler = String(repeating: "täyte ", count: 20)
        // Items 0–11 have "museo" only deep in the body, item 12 in its title, 13 in its summary.
        for number in 0..<12 { _ = postings.add(fields: [["Otsikko \(number)"], [], [filler + "museo auki"]]) }
        _ = postings.add(fields: [["Museo"], [], [filler]])
        _ = postings.add(fields: [["Otsikko"], ["museo"], [filler]])
        let stem = postings.stems.firstIndex(of: "museo")!
        let hits = postings.bodyHitsOnFirstScreen(of: stem)
        #expect(hits.map(\.item) == Array((4..<12).reversed()), "ten a screen: two head hits, then the eight newest")
        #expect(hits.allSatisfy { $0.offset == filler.utf8.count }, "where the word starts in the body")
        let title = postings.stems.firstIndex(of: "otsiko") ?? postings.stems.firstIndex { $0.hasPrefix("otsik") }!
        #expect(postings.bodyHitsOnFirstScreen(of: title).isEmpty, "a stem of titles needs no passage")
    }
}
