/// How generated front matter lines look: `key: value`, with an explanation as a YAML comment lined
/// up in one column so a file reads like a form.
enum FrontMatterLayout {
    /// The column explanations start at (when the line before them is short enough).
    static let commentColumn = 40

    /// `key: value`, and `# explanation` after it when one is given.
    static func line(_ key: String, _ value: String, _ explanation: String? = nil) -> String {
        let text = "\(key): \(value)"
        guard let explanation else { return text }
        return commented(text, explanation)
    }

    /// `text`, padded to the comment column, then `# explanation`.
    static func commented(_ text: String, _ explanation: String) -> String {
        let padding = max(2, commentColumn - text.count)
        return text + String(repeating: " ", count: padding) + "# " + explanation
    }
}
