import Foundation
import Model

/// The one place that reads input files: bytes to checked text, with errors that name the file.
enum FileReading {
    /// Content and settings files larger than this are refused rather than read into memory.
    static let sizeLimit = 10 * 1024 * 1024

    static func text(of file: URL, displayPath path: String) -> Result<String, Diagnostic> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory) else {
            return .failure(.error(SourceLocation(path: path), "the file is missing", hint: "see docs/content-format.md"))
        }
        guard !isDirectory.boolValue else {
            return .failure(.error(SourceLocation(path: path), "expected a file but found a folder"))
        }
        // Follows a symlink to its target: the walker has already checked where it leads.
        let attributes = try? FileManager.default.attributesOfItem(atPath: file.resolvingSymlinksInPath().path)
        guard attributes?[.type] as? FileAttributeType == .typeRegular else {
            return .failure(.error(
                SourceLocation(path: path), "not a regular file (a pipe, socket or device cannot be content)"))
        }
        if let size = attributes?[.size] as? Int, size > sizeLimit {
            return .failure(.error(
                SourceLocation(path: path), "the file is too large (\(size / 1_048_576) MB; the limit is \(sizeLimit / 1_048_576) MB)",
                hint: "split the text, and put large attachments beside it instead of inside it"))
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return .failure(.error(SourceLocation(path: path), "cannot read the file", hint: "check its permissions"))
        }
        return SourceText.decode(Array(data), path: path)
    }
}
