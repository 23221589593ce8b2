/// Counting characters (grapheme clusters) over UTF-8 bytes where that is safe, for diagnostics' columns
/// and the search excerpt: Swift's `Character` view breaks graphemes scalar by scalar, which cost more
/// than rendering the body's Markdown.
///
/// Safe means each scalar is a character of its own: ASCII, U+0080–U+02FF (Finnish and Swedish letters,
/// accents on Latin letters) and U+2000–U+203F without the zero-width joiners (dashes, quotes, ellipsis).
/// Those ranges hold no combining mark, joiner or prepended scalar. Other text is counted by grapheme
/// clusters.
package enum CharacterCounting {
    /// The byte length of the scalar at `index` when it is a character of its own whatever surrounds it
    /// (CR aside, which joins a following LF); nil for any other scalar.
    private static func simpleScalarWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        switch bytes[index] {
        case 0..<0x80: 1
        case 0xC2...0xCB: 2
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] != 0x8C && bytes[index + 2] != 0x8D:
            3
        default: nil
        }
    }

    /// The number of characters in `bytes` (valid UTF-8) when every scalar is a character of its own; nil
    /// otherwise.
    static func countWithoutJoiners(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var count = 0
        var index = 0
        while index < bytes.count {
            guard let width = simpleScalarWidth(bytes, at: index) else { return nil }
            index += width
            count += 1
        }
        return count
    }

    /// Where the first `limit` characters of `bytes` end (the whole length when there are fewer), when
    /// every scalar up to there and the one after it is a character of its own and none is a CR; nil
    /// otherwise.
    static func prefixEndWithoutJoiners(_ bytes: UnsafeBufferPointer<UInt8>, characters limit: Int) -> Int? {
        var count = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] != 0x0D, let width = simpleScalarWidth(bytes, at: index) else { return nil }
            // The scalar after the last one counted stands alone: the prefix ends before it.
            if count == limit { return index }
            index += width
            count += 1
        }
        return index
    }

    /// The first `limit` characters of `text`.
    package static func prefix(_ text: String, characters limit: Int) -> String {
        let end = text.utf8.withContiguousStorageIfAvailable { prefixEndWithoutJoiners($0, characters: limit) }
        if let end = end ?? nil {
            return end < text.utf8.count ? String(decoding: text.utf8.prefix(end), as: UTF8.self) : text
        }
        return text.count > limit ? String(text.prefix(limit)) : text
    }
}
