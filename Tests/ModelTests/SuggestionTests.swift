import Model
import Testing

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("tittle", ["title", "date", "summary"], "title"),
        ("keskisuomi", ["keski-suomi", "uusimaa", "lappi"], "keski-suomi"),
        ("morning_coffee", ["morning-coffee", "webinar", "visit"], "morning-coffee"),
    ])
    func suggestsTheNearestCandidate(word: String, candidates: [String], expected: String) {
        #expect(Suggestion.nearest(to: word, among: candidates) == expected)
    }

    @Test func staysQuietWhenNothingIsClose() {
        #expect(Suggestion.nearest(to: "photograph", among: ["title", "date"]) == nil)
    }
}

@Suite struct ItemIDTests {
    @Test func parsesFolderAndName() throws {
        let id = try #require(ItemID("articles/2020-10-21-petajavesi"))
        #expect(id.type == .article)
        #expect(id.name == "2020-10-21-petajavesi")
        #expect(id.description == "articles/2020-10-21-petajavesi")
    }

    @Test(arguments: ["articles", "nonsense/x", "articles/", "articles/x/y", ""])
    func rejectsMalformedIDs(text: String) {
        #expect(ItemID(text) == nil)
    }
}
