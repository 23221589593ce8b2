import Foundation
import TestSupport
import Testing

/// The search index as the build writes it (issue 20): an entry file per language, the word shards it
/// lists, result records and filter codes; bad input bounded and warned about, deterministically.
@Suite struct SearchIndexTests {
    let cli = CommandLineTests()

    func json(_ url: URL) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    @Test func aBuildWritesTheEntryEveryShardItListsTheRecordsAndTheCodes() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        let result = try cli.run(["build", "--now", CommandLineTests.now], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        for folder in ["output/fi/haku", "output/sv/sok"] {
            let entry = try json(site.url("\(folder)/index.json"))
            let keys = try #require(entry["s"] as? [String])
            let shardFiles = try FileManager.default.contentsOfDirectory(atPath: site.url("\(folder)/s").path)
            #expect(Set(shardFiles) == Set(keys.map { "\($0).json" }), "every listed shard exists, and no other")
            #expect(keys == keys.sorted())
            for key in keys {
                let shard = try json(site.url("\(folder)/s/\(key).json"))
                #expect(shard["w"] is [String: String] && shard["f"] is [String: String] && shard["g"] is [String: String])
                #expect(shard["e"] is [String: [Any]])
            }
            let count = try #require(entry["n"] as? Int), perFile = try #require(entry["r"] as? Int)
            var records = 0
            for number in 0..<((count + perFile - 1) / perFile) {
                let data = try Data(contentsOf: site.url("\(folder)/r/\(number).json"))
                records += try #require(JSONSerialization.jsonObject(with: data) as? [[String: Any]]).count
            }
            #expect(records == count && count > 0)
            let codes = try json(site.url("\(folder)/codes.json"))
            let width = try #require(codes["w"] as? Int)
            #expect((codes["c"] as? String)?.count == count * width)
        }
    }

    /// A 5,000-letter word and a body of 100,000 different words: the build succeeds, says where the index
    /// cut each item, and two builds write the same bytes.
    @Test func anItemTooLargeToIndexIsCutWithALocatedWarningAndTheBuildStaysDeterministic() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        let long = String(repeating: "a", count: 5_000)
        try site.write("content/articles/2026-05-01-pitka-sana.fi.md", """
            ---
            title: Pitkä sana
            date: 2026-05-01
            ---

            Ensimmäinen kappale.

            Toinen kappale, jossa on sana \(long) keskellä.

            """)
        var many: [String] = []
        var state: UInt64 = 1
        for _ in 0..<100_000 {
            var word = ""
            for _ in 0..<7 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                word.append(Character(Unicode.Scalar(UInt8(97 + (state >> 33) % 26))))
            }
            many.append(word)
        }
        try site.write("content/articles/2026-05-02-monta-sanaa.fi.md", """
            ---
            title: Monta sanaa
            date: 2026-05-02
            ---

            \(many.joined(separator: " "))

            """)
        let first = try cli.run(["build", "--now", CommandLineTests.now, "--output", "first"], in: site.root)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains(
            "content/articles/2026-05-01-pitka-sana.fi.md:8:31: warning: the search index cut this item: a word of 5000 letters in the body is not indexed (at most 40)"),
            "\(first.stderr)")
        #expect(first.stderr.contains("content/articles/2026-05-02-monta-sanaa.fi.md:5:1: warning: the search index cut this item"), "\(first.stderr)")
        let second = try cli.run(["build", "--now", CommandLineTests.now, "--output", "second"], in: site.root)
        #expect(second.stderr == first.stderr)
        let a = readTree(site.url("first")).filter { $0.key != ".tietopankki-manifest" }
        let b = readTree(site.url("second")).filter { $0.key != ".tietopankki-manifest" }
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a.keys.filter { a[$0] != b[$0] }.isEmpty)
        // The 100,000-word item's passages stay bounded: at most 200 places of an item's body.
        var passagesOfItem: [Int: Set<String>] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: shardFolder(site, "first").path) {
            let shard = try json(shardFolder(site, "first").appendingPathComponent(name))
            for list in (shard["e"] as? [String: [Any]] ?? [:]).values {
                for item in stride(from: 0, to: list.count, by: 3) {
                    passagesOfItem[list[item] as? Int ?? -1, default: []].insert(list[item + 2] as? String ?? "")
                }
            }
        }
        #expect(passagesOfItem.values.map(\.count).max() == 200, "the item of 100,000 words has as many as one item may have")
        // The words around the long one are still found, as search.js finds them: the typed word's shard
        // names its stem (or is one), and the stem's shard has its postings.
        let folder = site.url("first/fi/haku")
        for word in ["toinen", "keskella"] {
            let shard = try json(folder.appendingPathComponent("s/\(try #require(try shardKey(for: word, in: folder))).json"))
            let forms = (shard["f"] as? [String: String] ?? [:]).merging(shard["g"] as? [String: String] ?? [:]) { a, _ in a }
            let stem = forms[word]?.split(separator: " ").first.map(String.init) ?? word
            let stemShard = try json(folder.appendingPathComponent("s/\(try #require(try shardKey(for: stem, in: folder))).json"))
            #expect((stemShard["w"] as? [String: String])?[stem] != nil, "\(word) → \(stem)")
        }
    }

    /// A word that only one item has, deep in its body: the word's shard carries the passage around it for
    /// the result, and where the word starts in it; a word in the body's start (the record's excerpt) gets
    /// none.
    @Test func aWordDeepInABodyGetsItsPassageWithTheShard() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        let filler = String(repeating: "Kunnan kulttuuripalvelut kehittyvät yhdessä asukkaiden kanssa. ", count: 12)
        try site.write("content/articles/2026-05-03-syva-sana.fi.md", """
            ---
            title: Syvä sana
            date: 2026-05-03
            ---

            Alussa harvinaissana. \(filler)Lopussa mainitaan kamarimusiikkifestivaali kerran.

            """)
        let result = try cli.run(["build", "--now", CommandLineTests.now], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        let folder = site.url("output/fi/haku")
        func passages(_ stem: String) throws -> [Any]? {
            let shard = try json(folder.appendingPathComponent("s/\(try #require(try shardKey(for: stem, in: folder))).json"))
            return (shard["e"] as? [String: [Any]])?[stem]
        }
        let deep = try #require(try passages("kamarimusiikkifestivaal"), "the deep word's stem has a passage")
        #expect(deep.count == 3)
        let text = try #require(deep[2] as? String), word = try #require(deep[1] as? Int)
        #expect(text.hasPrefix("… ") && text.contains("Lopussa mainitaan kamarimusiikkifestivaali kerran."))
        #expect(String(decoding: Array(text.utf16)[word...].prefix(10), as: UTF16.self) == "kamarimusi")
        #expect(try passages("harvinaissan") == nil, "the excerpt already shows it")
    }

    /// The shard files of a build's Finnish index.
    func shardFolder(_ site: TemporarySite, _ output: String) -> URL { site.url("\(output)/fi/haku/s") }

    /// The shard key search.js would fetch for a stem: the longest listed key it begins with.
    func shardKey(for stem: String, in folder: URL) throws -> String? {
        let keys = try #require(json(folder.appendingPathComponent("index.json"))["s"] as? [String])
        return keys.filter { stem.hasPrefix($0) }.max { $0.count < $1.count }
    }
}
