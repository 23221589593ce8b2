import Model
import Testing

@Suite struct KeyedSortingTests {
    @Test func sortsByTheKeyAndKeepsTheOrderOfEqualKeys() {
        let words = ["kuusi", "yksi", "kaksi", "kolme", "neljä", "viisi", "seitsemän", "kahdeksan", "yhdeksän", "kymmenen"]
        let byLength = words.sorted(byKey: \.count, by: <)
        #expect(byLength == ["yksi", "kuusi", "kaksi", "kolme", "neljä", "viisi", "yhdeksän", "kymmenen", "seitsemän", "kahdeksan"])
        let longestFirst = words.sorted(byKey: \.count, by: >)
        #expect(longestFirst.prefix(3) == ["seitsemän", "kahdeksan", "yhdeksän"])
        #expect(longestFirst.last == "yksi")
    }

    @Test func computesEachKeyOnce() {
        nonisolated(unsafe) var calls = 0
        let sorted = Array((0..<100).reversed()).sorted(byKey: { value -> Int in calls += 1; return value }, by: <)
        #expect(sorted == Array(0..<100))
        #expect(calls == 100)
    }

    @Test func emptyAndSingleArrays() {
        #expect([Int]().sorted(byKey: { $0 }, by: <) == [])
        #expect([7].sorted(byKey: { $0 }, by: <) == [7])
    }
}
