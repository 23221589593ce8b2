import Model

/// The two parts of a content file: the YAML between the `---` lines and the Markdown after them.
struct FrontMatter: Sendable {
    var yaml: String
    /// File line of the YAML's first line (2 when the file starts with `---`).
    var yamlLine: Int
    var body: String
    /// File line of the body's first line.
    var bodyLine: Int

    /// Splits `text`; errors say what is missing and what to write.
    static func split(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
            return .failure(.error(
                SourceLocation(path: path, line: 1, column: 1),
                "the file does not start with front matter",
                hint: "begin the file with a line '---', then the keys (title: …, date: …), then another '---'"))
        }
        lines = lines.dropFirst()
        var yamlLines: [Substring] = []
        var lineNumber = 2
        for line in lines {
            let trimmed = line.trimmingTrailingSpaces()
            if trimmed == "---" || trimmed == "..." {
                let body = lines.dropFirst(yamlLines.count + 1).joined(separator: "\n")
                return .success(FrontMatter(
                    yaml: yamlLines.joined(separator: "\n"), yamlLine: 2, body: body, bodyLine: lineNumber + 1))
            }
            yamlLines.append(line)
            lineNumber += 1
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
