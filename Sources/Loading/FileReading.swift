import Foundation
import Model

/// The one place that reads input files: bytes to checked text, with errors that name the file.
enum FileReading {
    static func text(of file: URL, displayPath path: String) -> Result<String, Diagnostic> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory) else {
            return .failure(.error(SourceLocation(path: path), "the file is missing", hint: "see docs/content-format.md"))
        }
        guard !isDirectory.boolValue else {
            return .failure(.error(SourceLocation(path: path), "expected a file but found a folder"))
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return .failure(.error(SourceLocation(path: path), "cannot read the file", hint: "check its permissions"))
        }
        return SourceText.decode(Array(data), path: path)
    }
}
