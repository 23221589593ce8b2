/// The passage of an item's body that a search result shows when the query's word stands deeper in the
/// body than the record's excerpt reaches: a few words before the word and a line's worth after it, cut at
/// spaces, with "…" where the body goes on, and where the word starts in it (in UTF-16 code units, as
/// JavaScript counts), so the browser can mark the word even when it cannot tell its form.
enum SearchPassage {
    /// Bytes kept before the word's start and after it, at most (then cut back to a space).
    static let before = 50
    static let after = 110

    /// The passage of `text` around the word that starts at byte `offset`.
    static func cut(_ text: String, around offset: Int) -> (text: String, word: Int) {
        var text = text
        return text.withUTF8 { bytes -> (text: String, word: Int) in
            let count = bytes.count
            let word = min(max(0, offset), count)
            let space = UInt8(ascii: " ")
            // The first space in the lead, so the passage starts with a whole word.
            var start = max(0, word - before)
            if start > 0 {
                var search = start
                while search < word, bytes[search] != space { search += 1 }
                start = search < word ? search + 1 : word
            }
            // The last space in the tail, after the word itself.
            var end = min(count, word + after)
            if end < count {
                var search = end
                while search > word, bytes[search] != space { search -= 1 }
                if search > word { end = search } else { while end > word, bytes[end] & 0xC0 == 0x80 { end -= 1 } }
            }
            let lead = start > 0 ? "… " : ""
            let passage = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            let before = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<word]), as: UTF8.self)
            return (lead + passage + (end < count ? " …" : ""), lead.utf16.count + before.utf16.count)
        }
    }
}
