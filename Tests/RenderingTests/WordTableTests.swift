import Stemming
import Testing

/// The search index's table of distinct words: numbers in order of first sight, the same bytes always the
/// same number, through the table's growth.
@Suite struct WordTableTests {
    static func number(_ word: String, in table: inout WordTable) -> (number: Int, isNew: Bool) {
        var bytes = Array(word.utf8)
        return bytes.withUnsafeMutableBufferPointer { table.number(of: UnsafeBufferPointer($0)) }
    }

    @Test func wordsAreNumberedInOrderOfFirstSight() {
        var table = WordTable()
        let words = ["kulttuuri", "ja", "kulttuuri", "aj", "kulttuuria", "", "kulttuur", "ja"]
        let numbers = words.map { Self.number($0, in: &table) }
        #expect(numbers.map(\.number) == [0, 1, 0, 2, 3, 4, 5, 1])
        #expect(numbers.map(\.isNew) == [true, true, false, true, true, true, true, false])
        #expect(table.count == 6)
        #expect((0..<table.count).map(table.word) == ["kulttuuri", "ja", "aj", "kulttuuria", "", "kulttuur"])
    }

    @Test func theSameWordKeepsItsNumberAsTheTableGrows() {
        var table = WordTable()
        // Words of every length from 1 to 20 bytes, so whole eight-byte chunks and tails are both hashed.
        let words = (0..<20_000).map { number in String(repeating: "ä", count: number % 7) + "sana\(number)" }
        let first = words.map { Self.number($0, in: &table) }
        #expect(first.map(\.number) == Array(0..<words.count))
        #expect(first.allSatisfy { $0.isNew })
        let again = words.map { Self.number($0, in: &table) }
        #expect(again.map(\.number) == Array(0..<words.count))
        #expect(!again.contains { $0.isNew })
        #expect(words.indices.allSatisfy { table.word($0) == words[$0] })
        #expect(table.count == words.count)
    }
}
