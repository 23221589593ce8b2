/// Replacements over UTF-8 bytes for the renderer's hot paths; Foundation's string search is slow on
/// Linux and these run on every page body.
enum ByteReplacing {
    /// Replaces every occurrence of each needle (checked in the given order at each position) in one pass.
    static func replacing(_ text: String, _ pairs: [(needle: String, replacement: String)]) -> String {
        let needles = pairs.map { (Array($0.needle.utf8), Array($0.replacement.utf8)) }
        var output = [UInt8]()
        var text = text
        text.withUTF8 { bytes in
            output.reserveCapacity(bytes.count + 256)
            var i = 0
            scan: while i < bytes.count {
                for (needle, replacement) in needles where bytes[i] == needle[0] && matches(bytes, at: i, needle) {
                    output.append(contentsOf: replacement)
                    i += needle.count
                    continue scan
                }
                output.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Gives the `n`-th `<hL>` (in document order, any level L 1–6) the attribute `id="ids[n]"`.
    static func addingHeadingIDs(_ html: String, _ headings: [(level: Int, id: String)]) -> String {
        guard !headings.isEmpty else { return html }
        var output = [UInt8]()
        var next = 0
        var html = html
        html.withUTF8 { bytes in
            output.reserveCapacity(bytes.count + headings.count * 24)
            var i = 0
            while i < bytes.count {
                if next < headings.count, bytes[i] == UInt8(ascii: "<"), i + 3 < bytes.count, bytes[i + 1] == UInt8(ascii: "h"),
                   bytes[i + 2] == UInt8(ascii: "0") + UInt8(headings[next].level), bytes[i + 3] == UInt8(ascii: ">") {
                    output.append(contentsOf: Array("<h\(headings[next].level) id=\"\(headings[next].id)\">".utf8))
                    next += 1
                    i += 4
                    continue
                }
                output.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ needle: [UInt8]) -> Bool {
        guard start + needle.count <= bytes.count else { return false }
        for offset in 1..<needle.count where bytes[start + offset] != needle[offset] { return false }
        return true
    }
}
