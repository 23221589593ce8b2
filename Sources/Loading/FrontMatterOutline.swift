import Foundation
import Model
import Yams

/// A content file as its author wrote it: each top-level front matter key with its lines exactly as
/// written, and the Markdown body. Authoring tools copy entries from one file into another (a
/// translation keeps the dates, links and lists of its source) without re-writing the YAML, so quoting,
/// lists and comments survive. Keys are found with the YAML parser, never by guessing at line shapes.
public struct FrontMatterOutline: Sendable, Hashable {
    /// One top-level key: its name, its lines as written, and its value when that is a single text.
    public struct Entry: Sendable, Hashable {
        /// The key's name.
        public var key: String
        /// The key's lines, from the key to the line before the next key, without trailing blank or
        /// comment-only lines (those introduce what follows).
        public var lines: [String]
        /// The value as text when it is a scalar (`title: …`, a `>` block); nil for lists and mappings.
        public var text: String?

        public init(key: String, lines: [String], text: String?) {
            self.key = key
            self.lines = lines
            self.text = text
        }
    }

    /// The top-level keys in the order they are written.
    public var entries: [Entry]
    /// The Markdown after the closing `---`, as written.
    public var body: String

    public init(entries: [Entry], body: String) {
        self.entries = entries
        self.body = body
    }

    /// The entry for `key`, if the file has it.
    public func entry(_ key: String) -> Entry? { entries.first { $0.key == key } }

    /// Splits `text` (the whole file) into entries and body; errors carry `path` and the file line.
    public static func parse(_ text: String, path: String) -> Result<FrontMatterOutline, Diagnostic> {
        let frontMatter: FrontMatter
        switch FrontMatter.split(text, path: path) {
        case .success(let split): frontMatter = split
        case .failure(let diagnostic): return .failure(diagnostic)
        }
        let fields: YAMLFields
        switch YAMLFields.parse(yaml: frontMatter.yaml, path: path, firstLine: frontMatter.yamlLine) {
        case .success(let parsed): fields = parsed
        case .failure(let diagnostic): return .failure(diagnostic)
        }
        let yamlLines = frontMatter.yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Yams marks are 1-based lines of the YAML text.
        let starts = fields.pairs.map { ($0.keyNode.mark?.line ?? 1) - 1 }
        var entries: [Entry] = []
        for (position, pair) in fields.pairs.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1] : yamlLines.count
            var lines = Array(yamlLines[min(starts[position], end)..<end])
            while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty || last.hasPrefix("#") {
                lines.removeLast()
            }
            var value: String?
            if case .scalar(let scalar) = pair.value, !YAMLFields.isNull(pair.value) { value = scalar.string }
            entries.append(Entry(key: pair.key, lines: lines, text: value))
        }
        return .success(FrontMatterOutline(entries: entries, body: frontMatter.body))
    }

    /// Reads and splits the file at `url`, shown in errors as `displayPath`, within the real path of the
    /// folder that holds it (a link out of it is refused).
    public static func read(_ url: URL, displayPath: String) -> Result<FrontMatterOutline, Diagnostic> {
        let folder = ConfinedPath.realFolder(url.deletingLastPathComponent().path) ?? url.deletingLastPathComponent().path
        return FileReading.text(atPath: folder + "/" + url.lastPathComponent, displayPath: displayPath, within: folder)
            .flatMap { parse($0, path: displayPath) }
    }
}
