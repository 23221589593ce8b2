@testable import Rendering
import Testing

/// The search index's cut for the network: prefix shards split deeper while over budget, and postings.
@Suite struct SearchShardsTests {
    func layout(_ strings: [String], cost: Int = 10, budget: Int) -> [String: [String]] {
        let sorted = strings.sorted()
        let shards = SearchShards.layout(
            keys: sorted.map(SearchShards.keyCharacters), costs: sorted.map { _ in cost }, budget: budget)
        return Dictionary(uniqueKeysWithValues: shards.map { ($0.key, Array(sorted[$0.range])) })
    }

    @Test func shardsUnderTheBudgetStayOneLetterLong() {
        #expect(layout(["kala", "kirja", "koti", "talo"], budget: 100) == ["k": ["kala", "kirja", "koti"], "t": ["talo"]])
    }

    @Test func aShardOverTheBudgetIsSplitOneLetterDeeperAndAStringAsLongAsTheKeyStaysInIt() {
        let shards = layout(["ki", "kirja", "kirjasto", "kiva", "koti", "kulttuuri"], budget: 25)
        #expect(shards == [
            "ki": ["ki"], "kir": ["kirja", "kirjasto"], "kiv": ["kiva"], "ko": ["koti"], "ku": ["kulttuuri"],
        ])
    }

    @Test func everyStringIsInTheShardOfTheLongestKeyItBeginsWith() {
        var strings: [String] = []
        for a in ["k", "t", "v"] { for b in ["a", "i", "u"] { for c in ["lo", "rja", "ttuuri", "s", ""] { strings.append(a + b + c) } } }
        let shards = layout(strings, cost: 7, budget: 30)
        for (key, members) in shards {
            for string in members {
                let owner = shards.keys.filter { string.hasPrefix($0) }.max { $0.count < $1.count }
                #expect(owner == key, "\(string)")
            }
            #expect(members.count * 7 <= 30 || members.allSatisfy { $0.count <= key.count }, "\(key) is over the budget")
        }
        #expect(shards.values.map(\.count).reduce(0, +) == strings.count)
        #expect(layout(strings.reversed(), cost: 7, budget: 30) == shards, "the same strings in any order: the same shards")
    }

    @Test func aStringLargerThanTheBudgetIsAShardOfItsOwn() {
        #expect(layout(["ja", "jo"], cost: 50, budget: 10) == ["ja": ["ja"], "jo": ["jo"]])
    }

    @Test func keyCharactersAreLettersAndDigitsElseUnderscore() {
        #expect(SearchShards.keyCharacters("abc09") == Array("abc09".utf8))
        #expect(SearchShards.keyCharacters("øl") == Array("__l".utf8), "ø is two bytes")
    }

    @Test func postingsRoundTripAndAFollowingItemCostsOneByte() {
        let postings: [Int32] = [0 * 3 + 2, 1 * 3 + 0, 2 * 3 + 1, 40 * 3 + 2, 100_000 * 3 + 1]
        var bytes: [UInt8] = []
        SearchShards.encode(postings, into: &bytes)
        #expect(SearchShards.decode(bytes) == postings)
        var dense: [UInt8] = []
        SearchShards.encode((0..<100).map { Int32($0 * 3 + 2) }, into: &dense)
        #expect(dense.count == 100)
        #expect(String(decoding: bytes.prefix(3), as: UTF8.self) == "201")
    }

    @Test func anItemsStemsCountInTheirFirstFieldAndEachOnce() {
        var postings = SearchPostings(language: .fi)
        _ = postings.add(fields: [["Kirjasto"], ["kirjastot ja museot"], ["Kirjastossa on museo. Museo!"]])
        _ = postings.add(fields: [["Museo"], [], ["kirjasto"]])
        let byStem = Dictionary(uniqueKeysWithValues: zip(postings.stems, postings.postings))
        #expect(byStem["kirjasto"] == [0 * 3 + 0, 1 * 3 + 2])
        #expect(byStem["museo"] == [0 * 3 + 1, 1 * 3 + 0])
        #expect(postings.forms()["kirjastossa"] == ["kirjasto"])
        #expect(postings.forms()["kirjasto"] == nil, "a word that is its own stem needs no form")
    }

    @Test func theBoundsCutAnItemAndSaySo() {
        var postings = SearchPostings(language: .fi)
        let cut = postings.add(fields: [["Otsikko"], [], ["sana " + String(repeating: "a", count: 5_000) + " toinen"]])
        #expect(cut.longWord?.field == 2 && cut.longWord?.letters == 5_000)
        #expect(cut.fullFields.isEmpty)
        let many = (0..<(SearchPostings.stemsPerField + 10)).map { "x\($0)" }.joined(separator: " ")
        let full = postings.add(fields: [[""], [], [many]])
        #expect(full.fullFields == [2] && full.longWord == nil)
        #expect(postings.postings.filter { $0.contains(1 * 3 + 2) }.count == SearchPostings.stemsPerField)
    }
}
