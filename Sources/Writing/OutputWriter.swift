import CSystemShims
import Foundation
import Model

#if canImport(Glibc)
import Glibc
#endif

/// An I/O failure while writing the site (disk full, permissions, a path that would leave the output).
public struct WriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    /// The `errno` of a failed system call, when there was one.
    public var code: Int32? = nil

    public var description: String { "\(path): \(reason)" }

    /// The failure of the system call just made on `path`.
    static func lastCall(on path: String) -> WriteError {
        let code = errno
        return WriteError(path: path, reason: String(cString: strerror(code)), code: code)
    }
}

/// Test seams for fault injection; production builds use the defaults.
public struct WriteFaults: Sendable {
    /// Fail with ENOSPC ("No space left on device") once this many files were written.
    public var noSpaceAfterFiles: Int?
    /// Fail every folder the writer makes for a file with ENOSPC, as a file system out of inodes does.
    public var noInodesForFolders: Bool

    public init(noSpaceAfterFiles: Int? = nil, noInodesForFolders: Bool = false) {
        self.noSpaceAfterFiles = noSpaceAfterFiles
        self.noInodesForFolders = noInodesForFolders
    }
}

/// What a write did: only `filesWritten` files got new bytes (and a new inode and mtime); the others
/// kept theirs.
public struct WriteSummary: Sendable, Equatable {
    public var filesWritten = 0
    public var bytesWritten = 0
    /// Files the previous tree got as a hard link to the live tree's unchanged file.
    public var filesLinked = 0
    /// Files already right in the previous tree.
    public var filesKept = 0
    /// Files and folders the site no longer has, removed from the previous tree.
    public var entriesRemoved = 0

    public init() {}
}

/// Writes a rendered site so that readers only ever see a complete site, and only what changed is
/// written. There are two trees: the live output and the previous one beside it (`OutputLocation`).
/// A build brings the previous tree up to date (`Update`) and then exchanges the two in one
/// `renameat2(RENAME_EXCHANGE)`. The live tree is never written into, so a build that fails or is
/// killed at any moment leaves it whole.
public enum OutputWriter {
    /// Writes `files` as the new content of `output`.
    @discardableResult
    public static func write(_ files: [OutputFile], to output: URL, faults: WriteFaults = WriteFaults()) throws -> WriteSummary {
        let update = try Update(output: output, faults: faults)
        try update.write(files)
        return try update.commit()
    }

    /// A relative path with no empty, `.` or `..` segments and no NUL or backslash: it cannot leave the
    /// folder. Checked over bytes, as the file system splits it (every output file comes through here).
    public static func isSafe(_ path: String) -> Bool {
        guard let first = path.utf8.first, first != UInt8(ascii: "/") else { return false }
        var segmentLength = 0
        var onlyDots = true
        func segmentIsSafe() -> Bool { segmentLength > 0 && !(onlyDots && segmentLength <= 2) }
        for byte in path.utf8 {
            switch byte {
            case 0, UInt8(ascii: "\\"): return false
            case UInt8(ascii: "/"):
                guard segmentIsSafe() else { return false }
                segmentLength = 0
                onlyDots = true
            default:
                segmentLength += 1
                if byte != UInt8(ascii: ".") { onlyDots = false }
            }
        }
        return segmentIsSafe()
    }

    /// Removes the staging and old folders that builds before the two-tree update left beside the output.
    static func removeLeftovers(in parent: URL, outputName: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in names where entry.hasPrefix(".\(outputName).staging-") || entry.hasPrefix(".\(outputName).old-") {
            let suffix = entry.split(separator: "-").last.flatMap { Int32($0) }
            if let pid = suffix, pid != getpid(), kill(pid, 0) == 0 { continue }  // another live build's
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
        }
    }

    /// Writes `bytes` as the file at `path` (replacing a file there, never following a link) and returns
    /// what it then is.
    static func writeBytes(_ bytes: UnsafeRawBufferPointer, to path: String) -> Result<FileStatus, WriteError> {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return .failure(.lastCall(on: path)) }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                let error = WriteError.lastCall(on: path)
                close(descriptor)
                return .failure(error)
            }
            offset += written
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let error = WriteError.lastCall(on: path)
            close(descriptor)
            return .failure(error)
        }
        guard close(descriptor) == 0 else { return .failure(.lastCall(on: path)) }
        return .success(FileStatus(info))
    }

    /// Puts the updated tree in the live tree's place: one atomic exchange where the kernel offers it,
    /// else three renames (with a moment where the output name is absent, never a mixed site).
    static func exchange(_ location: OutputLocation) throws {
        let live = location.live.path, previous = location.previous.path
        if FileStatus.of(live) == nil {
            guard rename(previous, live) == 0 else { throw WriteError.lastCall(on: live) }
            return
        }
        if tp_exchange_paths(previous, live) == 0 { return }
        let aside = location.live.deletingLastPathComponent()
            .appendingPathComponent(".\(location.live.lastPathComponent).old-\(getpid())").path
        guard rename(live, aside) == 0 else { throw WriteError.lastCall(on: live) }
        guard rename(previous, live) == 0 else {
            let error = WriteError.lastCall(on: live)
            _ = rename(aside, live)
            throw error
        }
        _ = rename(aside, previous)
    }
}
