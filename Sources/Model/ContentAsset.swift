/// A non-Markdown file beside the content (an image, a PDF), copied to `/media/<folder>/…`.
public struct ContentAsset: Sendable, Hashable {
    /// Path relative to `content/`, e.g. `articles/kuva.jpg`.
    public var contentPath: String
    /// Absolute path of the file on disk.
    public var sourcePath: String
    /// The real path of the content folder, which the file is read within (`ConfinedPath`).
    public var sourceRoot: String

    public init(contentPath: String, sourcePath: String, sourceRoot: String) {
        self.contentPath = contentPath
        self.sourcePath = sourcePath
        self.sourceRoot = sourceRoot
    }

    /// The output path the file is written to, as named: `media/articles/kuva#1.png`.
    public var outputPath: String { "media/" + contentPath }

    /// The URL of the published file, percent-encoded as URLs require (`/media/articles/kuva%231.png`):
    /// `#`, `?` and `%` in a file name would otherwise end or break the address.
    public var url: String { "/" + URLPolicy.percentEncodingPath(outputPath) }

    /// Why the file's name cannot be published, or nil: a backslash (browsers read it as `/`, and the
    /// output refuses it) or a control character in it.
    public var nameProblem: String? {
        if contentPath.utf8.contains(UInt8(ascii: "\\")) {
            return "the file name has a backslash (\\), which a web address reads as a folder separator"
        }
        if contentPath.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            return "the file name has a control character, which a web address cannot carry"
        }
        return nil
    }
}
