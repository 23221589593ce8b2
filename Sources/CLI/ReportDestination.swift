import Building
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Where `build --json-report FILE` may write, decided before the build starts: a file in a folder that
/// exists, and never among the site's sources (`content/`, `themes/`) or in the output, which the next
/// build replaces and a deployment publishes. Symbolic links are followed before deciding.
struct ReportDestination {
    /// Why the report cannot go where asked; `status` is the exit code.
    struct Refusal: Error {
        var message: String
        var hint: String
        var status: Int32
    }

    /// The file as given (for messages) and as resolved (for writing).
    let shown: String
    let url: URL

    static func check(_ path: String, for request: BuildRequest) -> Result<ReportDestination, Refusal> {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            return .failure(Refusal(
                message: "--json-report \(path): the folder \(folder.path) does not exist",
                hint: "create it first (mkdir -p \(folder.path)) or give a file in an existing folder",
                status: ExitStatus.environment))
        }
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            return .failure(Refusal(
                message: "--json-report \(path) is a folder, not a file",
                hint: "name a file, e.g. \(path.hasSuffix("/") ? path : path + "/")last.json",
                status: ExitStatus.environment))
        }
        let target = resolved(url)
        let guarded = [
            ("the content folder", request.siteDirectory.appendingPathComponent("content")),
            ("the themes folder", request.siteDirectory.appendingPathComponent("themes")),
            ("the theme", request.themeDirectory),
            ("the output folder", request.outputDirectory),
        ]
        for (name, folder) in guarded {
            let guardedPath = resolved(folder)
            if target == guardedPath || target.hasPrefix(guardedPath + "/") {
                return .failure(Refusal(
                    message: "refusing to write the report \(path) inside \(name) (\(guardedPath))",
                    hint: name == "the output folder"
                        ? "the next build replaces the output and a deployment would publish the report; write it elsewhere, e.g. /var/log/tietopankki/last.json"
                        : "it would overwrite or add to the site's sources; write it elsewhere, e.g. /var/log/tietopankki/last.json",
                    status: ExitStatus.usage))
            }
        }
        return .success(ReportDestination(shown: path, url: URL(fileURLWithPath: target)))
    }

    /// Writes the report whole: a regular file (or a new one) through a temporary file beside it and a
    /// rename, so a monitor never reads half a report; anything else (`/dev/stdout`, a pipe) directly.
    func write(_ data: Data) throws(Refusal) {
        var info = stat()
        let existsAsOther = lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG
        let target = existsAsOther ? url.path : url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
        let flags = existsAsOther ? O_WRONLY | O_TRUNC | O_CLOEXEC : O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC
        let descriptor = open(target, flags, 0o644)
        guard descriptor >= 0 else { throw failure(errno) }
        let written = data.withUnsafeBytes { bytes in Glibc.write(descriptor, bytes.baseAddress, bytes.count) }
        let writeError = written == data.count ? 0 : (written < 0 ? errno : ENOSPC)
        let closeError = close(descriptor) == 0 ? 0 : errno
        if writeError != 0 || closeError != 0 {
            if !existsAsOther { unlink(target) }
            throw failure(writeError != 0 ? writeError : closeError)
        }
        if !existsAsOther, rename(target, url.path) != 0 {
            let code = errno
            unlink(target)
            throw failure(code)
        }
    }

    private func failure(_ code: Int32) -> Refusal {
        Refusal(
            message: "cannot write the report \(shown): \(String(cString: strerror(code)))",
            hint: FileSystemProblem.hint(for: code) ?? "check the folder's permissions and free space",
            status: ExitStatus.environment)
    }

    /// The absolute path with symbolic links resolved as far as they exist (`realpath`, component by
    /// component from the end: a file not yet written is resolved through its folder).
    static func resolved(_ url: URL) -> String {
        var path = url.standardizedFileURL.path
        var missing: [String] = []
        while path != "/" {
            if let real = realpath(path, nil) {
                defer { free(real) }
                let base = String(cString: real)
                return missing.isEmpty ? base : (base == "/" ? "" : base) + "/" + missing.reversed().joined(separator: "/")
            }
            missing.append((path as NSString).lastPathComponent)
            path = (path as NSString).deletingLastPathComponent
        }
        return "/" + missing.reversed().joined(separator: "/")
    }
}
