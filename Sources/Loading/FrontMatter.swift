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
        var lineStart = text.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[lineStart..<lineEnd].trimmingTrailingSpaces()
            let next = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
            if lineNumber == 1 {
                guard line == "---" else { break }
                yamlStart = next
            } else if line == "---" || line == "..." {
                let yaml = String(text[yamlStart!..<lineStart].dropLast(lineStart > yamlStart! ? 1 : 0))
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

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var end = endIndex
        while end > startIndex, let previous = self[..<end].last, previous == " " || previous == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
