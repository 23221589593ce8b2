@testable import Building
import Foundation
import Model
@testable import Rendering
import Stemming
import TestSupport
import Testing

/// What of an item page the search index reads besides title, summary, terms and body (issue 20): the
/// facts box with its labels, and on a newsletter the items it presents.
@Suite struct SearchFactsTests {
    struct Index {
        let folder: URL
        let records: [[String: Any]]
        let keys: [String]

        init(_ folder: URL) throws {
            self.folder = folder
            let entry = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("index.json"))) as? [String: Any])
            keys = try #require(entry["s"] as? [String])
            var records: [[String: Any]] = []
            for number in 0..<((try #require(entry["n"] as? Int) + 7) / 8) {
                let data = try Data(contentsOf: folder.appendingPathComponent("r/\(number).json"))
                records += try #require(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
            }
            self.records = records
        }

        /// The item number of the record whose title begins with `title`.
        func item(titled title: String) throws -> Int {
            try #require(records.firstIndex { ($0["t"] as? String)?.hasPrefix(title) == true })
        }

        /// The (item, field) postings of `stem`, from its shard as search.js finds it.
        func postings(_ stem: String) throws -> [(item: Int, field: Int)] {
            let key = try #require(keys.filter { stem.hasPrefix($0) }.max { $0.count < $1.count })
            let shard = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("s/\(key).json"))) as? [String: Any])
            let text = try #require((shard["w"] as? [String: String])?[stem], "no postings for \(stem)")
            return SearchShards.decode(Array(text.utf8)).map { (Int($0 / 3), Int($0 % 3)) }
        }
    }

    @Test func aPracticesFactsBoxIsIndexedWithItsLabelsAndShownInTheRecord() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        try SiteBuilder.build(fixtureRequest(site))
        let index = try Index(site.url("output/fi/haku"))
        let practice = try index.item(titled: "Saariston kulttuurivene")
        let facts = try #require(index.records[practice]["c"] as? [String])
        #expect(facts.contains("Rahoittaja Kunnat & säätiöt"), "\(facts)")
        #expect(facts.contains { $0.hasSuffix("saariston asukkaat, lapset ja nuoret") }, "\(facts)")
        #expect(!facts.joined().contains("vene@example.fi"), "no e-mail addresses")
        // "säätiöt" stands only in the facts box: Voikko's base form finds the practice in the facts' field.
        #expect(try index.postings("saatio").contains { $0.item == practice && $0.field == 1 })
        #expect(try index.postings("rahoittaja").contains { $0.item == practice && $0.field == 1 }, "the label too")
    }

    @Test func aNewsletterIsFoundByTheItemsItPresents() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        try SiteBuilder.build(fixtureRequest(site))
        let index = try Index(site.url("output/fi/haku"))
        let newsletter = try index.item(titled: "Uutiskirje 1/2026")
        let presented = try index.item(titled: "Webinaari")
        let title = try #require(index.records[presented]["t"] as? String)
        // A word of the presented event's title that the newsletter's own text does not have.
        let body = try String(contentsOf: site.url("content/newsletters/1.fi.md"), encoding: .utf8).lowercased()
        let word = try #require(title.lowercased().split { !$0.isLetter }.map(String.init).first { $0.count > 5 && !body.contains($0) })
        let stems = SearchWords(language: .fi).stems(word)
        let found = try stems.flatMap { try index.postings($0) }
        #expect(found.contains { $0.item == newsletter && $0.field == 2 }, "\(word) → \(stems)")
    }
}
