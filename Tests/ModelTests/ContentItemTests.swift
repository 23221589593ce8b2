import Foundation
import Model
import Testing

/// `ContentItem` keeps its fields in a shared box; it must still behave as a value.
@Suite struct ContentItemTests {
    static func item(title: String = "Aamukahvit", body: String = "Teksti.") -> ContentItem {
        var common = CommonMetadata(title: title, date: nil)
        common.tags = ["kirjasto"]
        return ContentItem(
            id: ItemID("articles/aamukahvit")!, language: .fi, path: "content/articles/aamukahvit.fi.md",
            common: common, specific: .article, body: body, bodyLine: 5, keyLines: ["title": 2])
    }

    @Test func changingACopyLeavesTheOriginalAsItWas() {
        let original = Self.item()
        var copy = original
        copy.body = "Muutettu."
        copy.common.tags.append("musiikki")
        copy.keyLines["tags"] = 3
        #expect(original.body == "Teksti.")
        #expect(original.common.tags == ["kirjasto"])
        #expect(original.keyLines == ["title": 2])
        #expect(copy.body == "Muutettu.")
        #expect(copy.common.tags == ["kirjasto", "musiikki"])
        #expect(copy.location(ofKey: "tags").line == 3)
        #expect(original.location(ofKey: "tags").line == 2)
    }

    @Test func equalityAndHashFollowTheFieldsNotTheBox() {
        let first = Self.item()
        let second = Self.item()
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(Set([first, second]).count == 1)
        var changed = second
        changed.common.title = "Webinaari"
        #expect(changed != first)
        changed.common.title = "Aamukahvit"
        #expect(changed == first)
    }
}
