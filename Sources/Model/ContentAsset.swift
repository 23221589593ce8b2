/// A non-Markdown file beside the content (an image, a PDF), copied to `/media/<folder>/…`.
public struct ContentAsset: Sendable, Hashable {
    /// Path relative to `content/`, e.g. `articles/kuva.jpg`.
    public var contentPath: String
    /// Absolute path of the file on disk.
    public var sourcePath: String

    public init(contentPath: String, sourcePath: String) {
        self.contentPath = contentPath
        self.sourcePath = sourcePath
    }

    /// The site path the file is published at.
    public var sitePath: String { "/media/" + contentPath }
}
