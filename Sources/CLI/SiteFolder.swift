import Foundation
import Model

/// The site folder an authoring command works in (`--root`), and its paths as the editor sees them:
/// relative to the working directory, so they can be opened or passed to the next command as printed.
struct SiteFolder {
    let root: URL
    private let prefix: String

    init(_ root: String) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL
        prefix = root == "." || root.isEmpty ? "" : (root.hasSuffix("/") ? root : root + "/")
    }

    func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// `relative` (e.g. `content/articles/x.fi.md`) as a path from the working directory.
    func shown(_ relative: String) -> String { prefix + relative }

    /// The "no content folder" error of the build, when `content/` is missing.
    func checkContentFolder() -> Diagnostic? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url("content").path, isDirectory: &isDirectory), isDirectory.boolValue {
            return nil
        }
        return .error(
            SourceLocation(path: shown("content")), "there is no content folder here",
            hint: "run the command in the site folder, or give --root DIR")
    }
}
