import Model
import Synchronization
import Testing

/// Counts the instances alive, so a test can see whether results are freed.
private final class Counted: Sendable {
    static let alive = Atomic<Int>(0)
    let value: Int
    init(_ value: Int) {
        self.value = value
        Self.alive.add(1, ordering: .relaxed)
    }
    deinit { Self.alive.subtract(1, ordering: .relaxed) }
}

@Suite(.serialized) struct ParallelMapTests {
    @Test func keepsTheInputOrder() {
        let input = Array(0..<1000)
        #expect(parallelMap(input) { $0 * 2 } == input.map { $0 * 2 })
        #expect(parallelMap([7]) { $0 + 1 } == [8])
        #expect(parallelMap([Int]()) { $0 }.isEmpty)
    }

    /// The nightly build renders pages a batch at a time through parallelMap: a batch's pages must be
    /// freed once the caller drops them, or memory grows with the site instead of with the batch.
    @Test func freesTheResultsWithTheCaller() {
        do {
            let results = parallelMap(Array(0..<500)) { Counted($0) }
            #expect(results.map(\.value) == Array(0..<500))
            #expect(Counted.alive.load(ordering: .relaxed) == 500)
        }
        #expect(Counted.alive.load(ordering: .relaxed) == 0)
    }
}
