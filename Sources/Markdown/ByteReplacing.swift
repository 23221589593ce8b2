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

    /// Gives the `n`-th `<hL>` (in document order, any level L 1–6) the attribute `id="ids[n]"`.
    package static func addingHeadingIDs(_ html: String, _ headings: [(level: Int, id: String)]) -> String {
        guard !headings.isEmpty else { return html }
        var html = html
        return String(decoding: html.withUTF8 { addingHeadingIDs($0, headings) }, as: UTF8.self)
    }

    /// `addingHeadingIDs` over bytes.
    package static func addingHeadingIDs(_ bytes: UnsafeBufferPointer<UInt8>, _ headings: [(level: Int, id: String)]) -> [UInt8] {
        var output = [UInt8]()
        output.reserveCapacity(bytes.count + headings.count * 24)
        guard let base = bytes.baseAddress else { return output }
        var next = 0
        var copied = 0
        var i = 0
        while i + 3 < bytes.count, next < headings.count {
            // memchr finds the next tag; most of a body is text between tags.
            guard let found = memchr(base + i, Int32(UInt8(ascii: "<")), bytes.count - i) else { break }
            i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            guard i + 3 < bytes.count else { break }
            if bytes[i + 1] == UInt8(ascii: "h"), bytes[i + 2] == UInt8(ascii: "0") + UInt8(headings[next].level),
               bytes[i + 3] == UInt8(ascii: ">") {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i]))
                output.append(contentsOf: "<h\(headings[next].level) id=\"\(headings[next].id)\">".utf8)
                next += 1
                i += 4
                copied = i
                continue
            }
            i += 1
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
