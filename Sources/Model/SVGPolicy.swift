/// The one rule for SVG files the site publishes from `content/` (the logo, the favicon, partners'
/// logos): a file served from the site's own address is a document of its own when opened directly,
/// and an SVG document runs script. So a published SVG may not hold
///
/// - script: `<script>`, `<foreignObject>` (HTML inside), `<iframe>`, `<embed>`, `<object>`, `<handler>`,
///   `<listener>`, event attributes (`onload=…`, any `on…`), an animation of `href` or an event attribute;
/// - external references: an `href` that is not `#an-id` or an embedded raster image (`data:image/png`,
///   `jpeg`, `gif`, `webp`), `url(…)` to anything but `#an-id`, CSS `@import`, `<?xml-stylesheet?>`;
/// - what could hide either from this reading: a DOCTYPE with its own entity definitions (`[ … ]`),
///   entities other than XML's five and character references, CSS escapes (`\`), processing
///   instructions, attribute values without quotes; and `--` in a comment, which XML forbids (the
///   browser would show nothing).
///
/// It reads the bytes as a scanner, not a full XML parser, and refuses what it does not understand, so
/// each problem has the file line and column it starts at. It also reads the root's `viewBox` (or
/// `width` and `height`) for the `<img>` size, and requires the root to be `<svg>` in the SVG namespace
/// (without it browsers show nothing).
public enum SVGPolicy {
    /// One refusal, at a 1-based line and column of the file.
    public struct Problem: Sendable, Hashable {
        public var line: Int
        public var column: Int
        public var message: String
        public var hint: String
    }

    /// What reading a file found: its problems (empty when it may be published) and its intrinsic size.
    public struct Report: Sendable {
        public var problems: [Problem] = []
        /// From the root's `viewBox`, else its `width` and `height` (plain numbers or `px`).
        public var width: Double?
        public var height: Double?
    }

    public static let namespace = "http://www.w3.org/2000/svg"
    /// Elements never published, by local name in lower case (any prefix, any namespace).
    public static let forbiddenElements: Set<String> = [
        "script", "foreignobject", "iframe", "embed", "object", "handler", "listener",
    ]
    /// Embedded images an `href` may carry: rasters only (an embedded SVG could nest anything).
    public static let embeddedImagePrefixes = ["data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp"]
    /// Problems reported per file at most; the rest would repeat the same fix.
    public static let problemLimit = 20

    public static func inspect(_ bytes: [UInt8]) -> Report {
        var scanner = Scanner(bytes)
        scanner.run()
        return scanner.report
    }
}
