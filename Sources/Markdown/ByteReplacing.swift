#if canImport(Glibc)
import Glibc
#endif

/// Replacements over UTF-8 bytes for the renderer's hot paths; Foundation's string search is slow on
/// Linux and these run on every page body.
package enum ByteReplacing {
    /// Replaces every occurrence of each needle (checked in the given order at each position) in one pass.
    /// The text between possible matches is copied in runs: only bytes that start a needle are looked at.
    package static func replacing(_ text: String, _ pairs: [(needle: String, replacement: String)]) -> String {
        var text = text
        let replaced = text.withUTF8 { replacing($0, pairs) }
        return replaced.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// `replacing` over bytes: the replaced bytes, or nil when no needle occurs.
    package static func replacing(_ bytes: UnsafeBufferPointer<UInt8>, _ pairs: [(needle: String, replacement: String)]) -> [UInt8]? {
        let needles = pairs.map { (Array($0.needle.utf8), Array($0.replacement.utf8)) }
        var starts = [Bool](repeating: false, count: 256)
        for (needle, _) in needles { starts[Int(needle[0])] = true }
        // Needles that all start with one byte (tags: "<") are found with memchr.
        let commonFirst: UInt8? = needles.allSatisfy({ $0.0[0] == needles[0].0[0] }) ? needles.first?.0[0] : nil
        var output: [UInt8] = []
        var copied = 0
        var i = 0
        scan: while i < bytes.count {
            if let first = commonFirst, let base = bytes.baseAddress {
                guard let found = memchr(base + i, Int32(first), bytes.count - i) else { break }
                i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            } else if !starts[Int(bytes[i])] {
                i += 1
                continue
            }
            for (needle, replacement) in needles where bytes[i] == needle[0] && matches(bytes, at: i, needle) {
                if output.isEmpty { output.reserveCapacity(bytes.count + 256) }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i]))
                output.append(contentsOf: replacement)
                i += needle.count
                copied = i
                continue scan
            }
            i += 1
        }
        guard copied > 0 else { return nil }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        return output
    }

    /// Gives the `n`-th marked heading (`<hL>` followed by `marker`, in document order) the attribute
    /// `id="ids[n]"` and drops the marker; a `<hL>` without it (raw HTML) is left as written.
    package static func addingHeadingIDs(_ html: String, marker: String, _ headings: [(level: Int, id: String)]) -> String {
        guard !headings.isEmpty else { return html }
        var html = html
        return String(decoding: html.withUTF8 { addingHeadingIDs($0, marker: Array(marker.utf8), headings) }, as: UTF8.self)
    }

    /// `addingHeadingIDs` over bytes: memchr finds each marker's first byte, cmark wrote `<hL>` just before it.
    package static func addingHeadingIDs(
        _ bytes: UnsafeBufferPointer<UInt8>, marker: [UInt8], _ headings: [(level: Int, id: String)]
    ) -> [UInt8] {
        var output = [UInt8]()
        output.reserveCapacity(bytes.count + headings.count * 24)
        guard let base = bytes.baseAddress, !marker.isEmpty else { return output }
        var next = 0
        var copied = 0
        var i = 0
        while next < headings.count, i < bytes.count,
              let found = memchr(base + i, Int32(marker[0]), bytes.count - i) {
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            guard matches(bytes, at: at, marker) else {
                i = at + 1
                continue
            }
            let level = headings[next].level
            let tag: [UInt8] = [UInt8(ascii: "<"), UInt8(ascii: "h"), UInt8(ascii: "0") + UInt8(level), UInt8(ascii: ">")]
            if at - copied >= tag.count, Array(bytes[(at - tag.count)..<at]) == tag {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<(at - tag.count)]))
                output.append(contentsOf: "<h\(level) id=\"\(headings[next].id)\">".utf8)
            } else {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<at]))
            }
            next += 1
            copied = at + marker.count
            i = copied
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        return output
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ needle: [UInt8]) -> Bool {
        guard start + needle.count <= bytes.count else { return false }
        for offset in 1..<needle.count where bytes[start + offset] != needle[offset] { return false }
        return true
    }
}
