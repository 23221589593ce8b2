import Foundation
import Model

#if canImport(Glibc)
import Glibc
#endif

/// The one place that reads input files: bytes to checked text, with errors that name the file.
/// One `open`, one `fstat` and the reads: a site of thousands of files is read without Foundation's
/// attribute dictionaries (which cost as much as the read itself).
enum FileReading {
    /// Content and settings files larger than this are refused rather than read into memory.
    static let sizeLimit = 10 * 1024 * 1024

    /// What `check` and `build` both say of a named pipe, socket or device among the inputs.
    static let notRegularMessage = "not a regular file (a pipe, socket or device cannot be content)"

    static func text(of file: URL, displayPath path: String, within root: String) -> Result<String, Diagnostic> {
        text(atPath: file.path, displayPath: path, within: root)
    }

    static func text(atPath file: String, displayPath path: String, within root: String) -> Result<String, Diagnostic> {
        bytes(atPath: file, displayPath: path, within: root).flatMap { SourceText.decode($0, path: path) }
    }

    /// The file's bytes, read through `ConfinedPath`: a symbolic link is followed only while it stays inside
    /// `root` (the real path of the content or theme folder), and the file checked is the file read.
    /// A missing file, a folder, a pipe or device and a file over `sizeLimit` are errors.
    static func bytes(atPath file: String, displayPath path: String, within root: String) -> Result<[UInt8], Diagnostic> {
        let location = SourceLocation(path: path)
        // O_NONBLOCK: opening a named pipe must not wait for a writer; it is refused below.
        let descriptor: Int32
        switch ConfinedPath.open(file, within: root, flags: O_RDONLY | O_NONBLOCK) {
        case .success(let opened): descriptor = opened
        case .failure(.missing), .failure(.notAFolder):
            return .failure(.error(location, "the file is missing", hint: "see docs/content-format.md"))
        case .failure(let failure):
            return .failure(.error(location, failure.message, hint: failure.hint))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            return .failure(.error(location, "cannot read the file (\(String(cString: strerror(errno))))"))
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.error(location, "expected a file but found a folder"))
        default: return .failure(.error(location, notRegularMessage))
        }
        let size = Int(status.st_size)
        if size > sizeLimit {
            return .failure(.error(
                location, "the file is too large (\(size / 1_048_576) MB; the limit is \(sizeLimit / 1_048_576) MB)",
                hint: "split the text, and put large attachments beside it instead of inside it"))
        }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let read = Glibc.read(descriptor, buffer.baseAddress! + count, size - count)
                if read > 0 { count += read; continue }
                if read < 0, errno == EINTR { continue }
                if read < 0 { failure = errno }
                break  // end of file: the file shrank since fstat; what was read is the file
            }
        }
        guard failure == 0 else {
            return .failure(.error(location, "cannot read the file (\(String(cString: strerror(failure))))",
                                   hint: "check its permissions"))
        }
        return .success(bytes)
    }
}
