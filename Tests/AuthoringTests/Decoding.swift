import Authoring
@testable import Loading
import Model

/// Decodes a generated file the way the build does, without a site on disk: front matter split, then
/// the strict per-type decoder with a small vocabulary.
enum Decoding {
    static let regions = Vocabulary(terms: ["keski-suomi", "etela-savo", "koko-suomi"].map {
        Vocabulary.Term(key: $0, label: [.fi: $0, .sv: $0])
    })
    static let themes = Vocabulary(terms: ["kulttuurihyvinvointi", "osallisuus"].map {
        Vocabulary.Term(key: $0, label: [.fi: $0, .sv: $0])
    })

    static func decode(_ text: String, as name: ContentFileName) -> (item: ContentItem?, diagnostics: [Diagnostic]) {
        switch FrontMatter.split(text, path: name.path) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let frontMatter):
            // The examples name a picture beside the file (`kuva.jpg`, `bild.jpg`), as if it were there.
            let pictures = ContentType.allCases.flatMap { ["content/\($0.folder)/kuva.jpg", "content/\($0.folder)/bild.jpg"] }
            let (item, diagnostics) = ItemDecoder(regions: regions, themes: themes, attachmentPaths: Set(pictures))
                .decode(id: name.id, language: name.language, path: name.path, frontMatter: frontMatter)
            return (item, diagnostics)
        }
    }

    /// Every key the build accepts for `type`.
    static func allowedKeys(_ type: ContentType) -> [String] { ItemDecoder.allowedKeys(for: type) }

    /// The text with every commented-out key taken into use: `# key: …` lines and the indented lines
    /// under them lose their `# `, as the files tell the editor to do.
    static func uncommentingOptionalKeys(_ text: String) -> String {
        var inKey = false
        return text.components(separatedBy: "\n").map { line -> String in
            guard line.hasPrefix("# ") else { inKey = false; return line }
            let rest = String(line.dropFirst(2))
            let startsKey = rest.first.map { $0.isLetter && $0.isLowercase } == true && rest.contains(":")
                && rest.prefix(while: { $0 != ":" }).allSatisfy { $0.isLetter || $0 == "_" }
            if startsKey { inKey = true; return rest }
            if inKey, rest.hasPrefix("  ") { return rest }
            inKey = false
            return line
        }.joined(separator: "\n")
    }

    /// The text without its `draft: true` line.
    static func published(_ text: String) -> String {
        text.components(separatedBy: "\n").filter { !$0.hasPrefix("draft: true") }.joined(separator: "\n")
    }
}
