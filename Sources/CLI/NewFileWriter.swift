import ArgumentParser
import Foundation
import Model

/// Creates a content file that must not exist yet: an existing file is never overwritten (the editor's
/// text would be lost), and the folder is created when the site has none of that type yet.
enum NewFileWriter {
    /// Writes `text` to `url` and prints `shownPath`; an existing file is a content error (exit 1),
    /// a file that cannot be written an I/O error (exit 3).
    static func create(_ text: String, at url: URL, shownPath: String) throws {
        let printer = DiagnosticPrinter(pathPrefix: "")
        if FileManager.default.fileExists(atPath: url.path) {
            printer.print([.error(
                SourceLocation(path: shownPath), "the file already exists; it was left as it was",
                hint: "open it to go on writing, or choose another title (or --date) for a new item")])
            throw ExitCode(ExitStatus.contentErrors)
        }
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // `.withoutOverwriting` creates the file exclusively (O_EXCL), so a race cannot overwrite either.
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            FileHandle.standardError.write(Data("error: cannot write \(shownPath): \(error.localizedDescription)\n".utf8))
            throw ExitCode(ExitStatus.environment)
        }
        print(shownPath)
    }
}
