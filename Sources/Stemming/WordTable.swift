/// Distinct words by their UTF-8 bytes, each with a number in order of first sight: the search index
/// looks up every word of every page, and hashing bytes in place costs far less than making a `String`
/// per occurrence to look it up in a dictionary.
public struct WordTable {
    private var arena: [UInt8] = []
    private var starts: [Int32] = []
    private var hashes: [UInt64] = []
    /// Open addressing: a word's number + 1, 0 for an empty slot.
    private var slots: [Int32] = Array(repeating: 0, count: 1024)

    public init() {}

    /// How many distinct words the table holds.
    public var count: Int { starts.count }

    /// The bytes of word `number`.
    public func word(_ number: Int) -> String {
        let end = number + 1 < starts.count ? Int(starts[number + 1]) : arena.count
        return String(decoding: arena[Int(starts[number])..<end], as: UTF8.self)
    }

    /// The number of `word`, added when new.
    public mutating func number(of word: UnsafeBufferPointer<UInt8>) -> (number: Int, isNew: Bool) {
        let hash = Self.hash(word)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { break }
            let number = entry - 1
            if hashes[number] == hash, matches(number, word) { return (number, false) }
            slot = (slot + 1) & mask
        }
        let number = starts.count
        starts.append(Int32(arena.count))
        arena.append(contentsOf: word)
        hashes.append(hash)
        slots[slot] = Int32(number + 1)
        if starts.count * 2 > slots.count { grow() }
        return (number, true)
    }

    /// A hash of `word` eight bytes at a time (a multiply per byte was a fifth of the table's cost).
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(word.count)
        guard let base = word.baseAddress else { return hash }
        func mix(_ chunk: UInt64) {
            hash = (hash ^ chunk) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
        }
        var offset = 0
        while offset + 8 <= word.count {
            mix(UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
            offset += 8
        }
        if offset < word.count {
            var tail: UInt64 = 0
            for position in offset..<word.count { tail = tail << 8 | UInt64(base[position]) }
            mix(tail)
        }
        return hash
    }

    private func matches(_ number: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[number])
        let end = number + 1 < starts.count ? Int(starts[number + 1]) : arena.count
        guard end - start == word.count else { return false }
        return arena.withUnsafeBufferPointer { stored in
            guard let base = stored.baseAddress, let other = word.baseAddress else { return word.isEmpty }
            // Eight bytes at a time, inline: most words are short, and a call to memcmp cost more.
            let count = word.count
            var offset = 0
            while offset + 8 <= count {
                if UnsafeRawPointer(base + start + offset).loadUnaligned(as: UInt64.self)
                    != UnsafeRawPointer(other + offset).loadUnaligned(as: UInt64.self) { return false }
                offset += 8
            }
            while offset < count {
                if base[start + offset] != other[offset] { return false }
                offset += 1
            }
            return true
        }
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(number + 1)
        }
        slots = bigger
    }
}
