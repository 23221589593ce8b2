/// How one language's search index is cut into files for the network: word shards keyed by the start of
/// the folded word, split one letter deeper while a shard holds more than its byte budget, and postings
/// written as short runs of ASCII.
///
/// A string (a stem or an inflected form) belongs to the longest shard key its key characters begin
/// with, so the browser finds the one shard a typed word needs from the entry file's list of keys
/// (`owner` in search.js). Keys start one letter long; a key holds its strings in full, so a stem whose
/// postings alone are larger than the budget is a shard of its own.
public enum SearchShards {
    /// The bytes a shard may hold before it is split one letter deeper.
    public static let budget = 12_000

    /// A string's key characters: a–z and 0–9 as they are, anything else `_` (file names stay plain; the
    /// browser folds a query to a–z and 0–9 anyway).
    public static func keyCharacters(_ text: String) -> [UInt8] {
        text.utf8.map { byte in
            (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) ? byte : UInt8(ascii: "_")
        }
    }

    /// One shard: its key and the positions of its strings in the sorted input.
    public struct Shard: Sendable, Hashable {
        public var key: String
        public var range: Range<Int>
    }

    /// The shards for `keys` (sorted, byte-wise) whose strings cost `costs` bytes each, in key order.
    public static func layout(keys: [[UInt8]], costs: [Int], budget: Int = budget, startLength: Int = 1) -> [Shard] {
        var prefixCost = [0]
        prefixCost.reserveCapacity(costs.count + 1)
        for cost in costs { prefixCost.append(prefixCost[prefixCost.count - 1] + cost) }
        var shards: [Shard] = []
        func key(_ position: Int, _ length: Int) -> ArraySlice<UInt8> { keys[position].prefix(length) }
        /// The strings of `range` all begin with the same `length` key characters (or are shorter than
        /// `length` and all equal).
        func place(_ range: Range<Int>, length: Int) {
            let name = String(decoding: key(range.lowerBound, length), as: UTF8.self)
            if prefixCost[range.upperBound] - prefixCost[range.lowerBound] <= budget {
                shards.append(Shard(key: name, range: range))
                return
            }
            // Strings no longer than the key stay in it; the rest go one letter deeper.
            var start = range.lowerBound
            while start < range.upperBound, keys[start].count <= length { start += 1 }
            if start > range.lowerBound { shards.append(Shard(key: name, range: range.lowerBound..<start)) }
            group(start..<range.upperBound, length: length + 1)
        }
        func group(_ range: Range<Int>, length: Int) {
            var start = range.lowerBound
            while start < range.upperBound {
                let prefix = key(start, length)
                var end = start + 1
                while end < range.upperBound, key(end, length) == prefix { end += 1 }
                place(start..<end, length: length)
                start = end
            }
        }
        group(0..<keys.count, length: startLength)
        return shards
    }

    /// Final digits of a posting: 0–9, a–v.
    static let finalDigits = Array("0123456789abcdefghijklmnopqrstuv".utf8)
    /// Leading digits: w–z, A–Z, `-`, `_`.
    static let leadingDigits = Array("wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_".utf8)

    /// Postings as text: per item (ascending), `(gap - 1) * 3 + field` in base 32, where gap is the item's
    /// number less the previous one's (the first counts from -1) and field 0 is the title, 1 the summary,
    /// terms and facts, 2 the body. The last digit of each number comes from `finalDigits`, those before
    /// from `leadingDigits`, so an item that follows the previous one costs one byte.
    public static func encode(_ postings: some Collection<Int32>, into output: inout [UInt8]) {
        let final = finalDigits, leading = leadingDigits
        var previous: Int32 = -1
        for posting in postings {
            let item = posting / 3, field = posting % 3
            let value = Int(item - previous - 1) * 3 + Int(field)
            previous = item
            // The most significant group of 5 bits first.
            var shift = 0
            while value >> (shift + 5) > 0 { shift += 5 }
            while shift > 0 {
                output.append(leading[(value >> shift) & 31])
                shift -= 5
            }
            output.append(final[value & 31])
        }
    }

    /// The postings `encode` wrote (for tests; search.js decodes them).
    public static func decode(_ text: [UInt8]) -> [Int32] {
        var result: [Int32] = []
        var value = 0, previous = -1
        for byte in text {
            if let digit = leadingDigits.firstIndex(of: byte) {
                value = value * 32 + digit
            } else if let digit = finalDigits.firstIndex(of: byte) {
                value = value * 32 + digit
                let item = previous + 1 + value / 3
                result.append(Int32(item * 3 + value % 3))
                previous = item
                value = 0
            }
        }
        return result
    }
}
