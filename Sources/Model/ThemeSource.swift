/// A theme as read from disk: template texts, UI strings per language and static files to copy.
public struct ThemeSource: Sendable {
    /// A template's text and the path errors should name.
    public struct Template: Sendable {
        public var name: String
        public var path: String
        public var text: String

        public init(name: String, path: String, text: String) {
            self.name = name
            self.path = path
            self.text = text
        }
    }

    /// A file from the theme's `static/` folder.
    public struct StaticFile: Sendable {
        /// Path inside the output, e.g. `assets/site.css`.
        public var outputPath: String
        /// Absolute path of the source file.
        public var sourcePath: String
        /// The real path of the theme folder, which the file is read within (`ConfinedPath`).
        public var sourceRoot: String

        public init(outputPath: String, sourcePath: String, sourceRoot: String) {
            self.outputPath = outputPath
            self.sourcePath = sourcePath
            self.sourceRoot = sourceRoot
        }
    }

    /// The theme folder as errors name it, relative to the site (`themes/default`).
    public var folder: String
    public var templates: [Template]
    public var strings: [Language: [String: String]]
    public var staticFiles: [StaticFile]
    /// The newsletter e-mail's stylesheet (`email/newsletter.css`), inlined into each issue's `email.html`.
    public var emailStylesheet: String

    public init(
        templates: [Template], strings: [Language: [String: String]], staticFiles: [StaticFile],
        emailStylesheet: String = "", folder: String = "themes/default"
    ) {
        self.folder = folder
        self.templates = templates
        self.strings = strings
        self.staticFiles = staticFiles
        self.emailStylesheet = emailStylesheet
    }
}
