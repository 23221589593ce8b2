import Model

/// A bound on Markdown that cmark-gfm 0.29 renders in time growing with the square of its size: each
/// link walks back over every image opener (`![`) still open in its paragraph, so `"![[]()" × 160,000`
/// (940 KB) takes minutes, in cmark-gfm's own command too. Bodies with more than `imageOpeners`
/// `![` are refused with an error at the line of the first one over the budget; real pages have a few
/// dozen. What is left costs at most that budget times the links of a file within the 10 MB file limit
/// (about a second).
enum MarkdownBudget {
    static let imageOpeners = 500

    static func check(_ markdown: String, path: String, firstLine: Int) -> Diagnostic? {
        var count = 0
        var line = 0
        var previous: UInt8 = 0
        for byte in markdown.utf8 {
            if byte == 10 { line += 1 }
            if previous == UInt8(ascii: "!"), byte == UInt8(ascii: "[") {
                count += 1
                if count > imageOpeners {
                    return .error(
                        SourceLocation(path: path, line: firstLine + line, column: 1),
                        "the text has more than \(imageOpeners) images ('![') — more than Markdown can render in reasonable time",
                        hint: "split the page into several")
                }
            }
            previous = byte
        }
        return nil
    }
}
