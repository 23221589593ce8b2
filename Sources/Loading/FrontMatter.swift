import Model

/// The two parts of a content file: the YAML between the `---` lines and the Markdown after them.
struct FrontMatter: Sendable {
    var yaml: String
    /// File line of the YAML's first line (2 when the file starts with `---`).
    var yamlLine: Int
    var body: String
    /// File line of the body's first line.
    var bodyLine: Int

    /// Splits `text`; errors say what is missing and what to write. Reads line by line only as far as
    /// the closing `---`; the body is taken as it stands.
    static func split(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        // Lines are found in the UTF-8 view: '\n', '-', '.', ' ' and '\t' are single bytes, and slicing
        // at their positions keeps the text whole.
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = Self.trimmingTrailingSpaces(utf8[lineStart..<lineEnd])
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            if lineNumber == 1 {
                guard line.elementsEqual("---".utf8) else { break }
                yamlStart = next
            } else if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                let yamlEnd = lineStart > yamlStart! ? utf8.index(before: lineStart) : lineStart
                let yaml = String(text[yamlStart!..<yamlEnd])
                return .success(FrontMatter(yaml: yaml, yamlLine: 2, body: String(text[next...]), bodyLine: lineNumber + 1))
            }
            lineStart = next
            lineNumber += 1
        }
        guard yamlStart != nil else {
            return .failure(.error(
                SourceLocation(path: path, line: 1, column: 1),
                "the file does not start with front matter",
                hint: "begin the file with a line '---', then the keys (title: …, date: …), then another '---'"))
        }
        return .failure(.error(
            SourceLocation(path: path, line: 1, column: 1),
            "the front matter is not closed",
            hint: "add a line '---' after the last front matter key, before the text"))
    }
}

extension FrontMatter {
    static func trimmingTrailingSpaces(_ line: Substring.UTF8View) -> Substring.UTF8View {
        var line = line
        while let last = line.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { line = line.dropLast() }
        return line
    }
}
