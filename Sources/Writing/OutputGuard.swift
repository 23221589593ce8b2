import Foundation

/// Refuses output folders whose replacement would destroy something: the file system root, the home
/// folder, the content folder or any folder that contains it, a folder inside the content, and any
/// folder tietopankki did not write (`OutputLocation.checkOwnership`).
public enum OutputGuard {
    /// Why an output folder is refused, and what to do instead.
    public struct Refusal: Error, CustomStringConvertible {
        public var output: String
        public var reason: String
        public var hint: String?

        public init(output: String, reason: String, hint: String? = nil) {
            self.output = output
            self.reason = reason
            self.hint = hint
        }

        public var description: String { "refusing to use \(output) as the output folder: \(reason)" }
    }

    /// `home`: the user's home folder, which is never an output folder (the caller reads `$HOME`).
    public static func check(output: URL, content: URL, home: String?) throws {
        let location = OutputLocation(output: output)
        let out = location.live.path
        let contentPath = resolved(content)
        if out == "/" { throw Refusal(output: out, reason: "it is the root of the file system") }
        if let home, out == resolved(URL(fileURLWithPath: home)) {
            throw Refusal(output: out, reason: "it is the home folder")
        }
        if out == contentPath || contentPath.hasPrefix(out + "/") {
            throw Refusal(output: out, reason: "the build replaces it whole, and it holds the content folder \(contentPath)")
        }
        if out.hasPrefix(contentPath + "/") {
            throw Refusal(output: out, reason: "it is inside the content folder")
        }
        try location.checkOwnership()
    }

    /// The absolute path with symbolic links resolved as far as they exist.
    static func resolved(_ url: URL) -> String {
        let path = url.standardizedFileURL.resolvingSymlinksInPath().path
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}
