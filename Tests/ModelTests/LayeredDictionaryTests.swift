import Model
import Testing

/// `LayeredDictionary` must answer exactly as a plain dictionary would, before and after it folds its
/// changes into the base, and copies must not see each other's changes.
@Suite struct LayeredDictionaryTests {
    @Test func answersAsAPlainDictionaryThroughManyChanges() {
        var reference: [Int: String] = Dictionary(uniqueKeysWithValues: (0..<200).map { ($0, "v\($0)") })
        var layered = LayeredDictionary(reference)
        var generator = SystemRandomNumberGenerator.Seeded(seed: 9)
        // Enough changes to fold several times (a fold happens past 64 changes and an eighth of the base).
        for step in 0..<2_000 {
            let key = Int(generator.next() % 300)
            if generator.next() % 3 == 0 {
                reference[key] = nil
                layered[key] = nil
            } else {
                reference[key] = "s\(step)"
                layered[key] = "s\(step)"
            }
            if step % 97 == 0 {
                #expect(Set(layered.keys) == Set(reference.keys))
            }
        }
        for key in -5..<305 { #expect(layered[key] == reference[key]) }
        #expect(Set(layered.keys) == Set(reference.keys))
        #expect(layered.keys.count == reference.count)
    }

    @Test func aCopyKeepsItsOwnEntries() {
        var original = LayeredDictionary(["a": 1, "b": 2])
        original["c"] = 3
        var copy = original
        copy["a"] = nil
        copy["b"] = 20
        for index in 0..<100 { copy["k\(index)"] = index }  // folds the copy's changes
        #expect(original["a"] == 1)
        #expect(original["b"] == 2)
        #expect(original["c"] == 3)
        #expect(original["k1"] == nil)
        #expect(Set(original.keys) == ["a", "b", "c"])
        #expect(copy["a"] == nil)
        #expect(copy["b"] == 20)
        #expect(copy["k99"] == 99)
        #expect(copy.keys.count == 102)
    }

    @Test func aRemovedKeyStaysRemovedUntilSetAgain() {
        var layered = LayeredDictionary(["x": 1])
        layered["x"] = nil
        #expect(layered["x"] == nil)
        #expect(layered.isEmpty)
        layered["x"] = 5
        #expect(layered["x"] == 5)
        #expect(layered.keys == ["x"])
    }
}

extension SystemRandomNumberGenerator {
    /// A small deterministic generator (SplitMix64) so the test does the same changes every run.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
