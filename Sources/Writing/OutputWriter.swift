import CSystemShims
import Foundation
import Model
import Synchronization

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
}

/// Test seams for fault injection; production builds use the defaults.
public struct WriteFaults: Sendable {
    /// Fail with ENOSPC ("No space left on device") after this many files were written.
    public var noSpaceAfterFiles: Int?

    public init(noSpaceAfterFiles: Int? = nil) {
        self.noSpaceAfterFiles = noSpaceAfterFiles
    }
}

/// What a write did.
public struct WriteSummary: Sendable {
    public var filesWritten: Int
    public var bytesWritten: Int
}

/// Writes a rendered site so that readers only ever see a complete site: everything goes into a staging
/// folder beside the output, which then takes the output's place in one atomic exchange. A failure at
/// any point leaves the previous output as it was; the staging folder is removed.
public enum OutputWriter {
    /// Writes `files` as the new content of `output`.
    @discardableResult
    public static func write(_ files: [OutputFile], to output: URL, faults: WriteFaults = WriteFaults()) throws -> WriteSummary {
        let staging = try Staging(output: output, faults: faults)
        do {
            try staging.write(files)
            return try staging.commit()
        } catch {
            staging.abandon()
            throw error
        }
    }

    /// A new site being written beside the output, file by file or batch by batch, so a large site need
    /// not be held in memory whole; `commit` swaps it in, `abandon` removes it. Either way the old output
    /// is whole until the swap. Files may be written from several threads at once.
    public final class Staging: Sendable {
        let output: URL
        let parent: URL
        let name: String
        let folder: URL
        let faults: WriteFaults
        private let folderPath: String
        private let filesStarted = Atomic<Int>(0)
        private let filesWritten = Atomic<Int>(0)
        private let bytesWritten = Atomic<Int>(0)

        public init(output: URL, faults: WriteFaults = WriteFaults()) throws {
            self.output = output.standardizedFileURL
            parent = self.output.deletingLastPathComponent()
            name = self.output.lastPathComponent
            self.faults = faults
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            removeLeftovers(in: parent, outputName: name)
            folder = parent.appendingPathComponent(".\(name).staging-\(getpid())")
            folderPath = folder.path
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }

        /// Writes one file into the staging folder, making its folders when they are missing. Safe to
        /// call from several threads at once.
        public func write(_ file: OutputFile) -> Result<Int, WriteError> {
            guard isSafe(file.path) else {
                return .failure(WriteError(path: file.path, reason: "refusing to write outside the output folder"))
            }
            let number = filesStarted.wrappingAdd(1, ordering: .relaxed).oldValue
            if let limit = faults.noSpaceAfterFiles, number >= limit {
                return .failure(WriteError(path: folderPath + "/" + file.path, reason: String(cString: strerror(ENOSPC))))
            }
            let path = folderPath + "/" + file.path
            var result = writeFile(file, at: path)
            if case .failure(let error) = result, error.code == ENOENT {
                makeFolders(for: file.path)
                result = writeFile(file, at: path)
            }
            if case .success(let bytes) = result {
                filesWritten.add(1, ordering: .relaxed)
                bytesWritten.add(bytes, ordering: .relaxed)
            }
            return result
        }

        /// Writes one batch of files into the staging folder, in parallel; throws the first failure.
        public func write(_ files: [OutputFile]) throws {
            for result in parallelMap(files, write) {
                if case .failure(let error) = result { throw error }
            }
        }

        /// Makes the folders above `relativePath`, outermost first; another thread may make them too.
        private func makeFolders(for relativePath: String) {
            var end = relativePath.utf8.startIndex
            while let slash = relativePath.utf8[end...].firstIndex(of: UInt8(ascii: "/")) {
                _ = mkdir(folderPath + "/" + relativePath[..<slash], 0o755)
                end = relativePath.utf8.index(after: slash)
            }
        }

        /// Puts the staging folder in the output's place.
        @discardableResult
        public func commit() throws -> WriteSummary {
            carryOverMarkers(from: output, to: folder)
            try swap(staging: folder, output: output, parent: parent, name: name)
            return WriteSummary(
                filesWritten: filesWritten.load(ordering: .relaxed), bytesWritten: bytesWritten.load(ordering: .relaxed))
        }

        public func abandon() {
            try? FileManager.default.removeItem(at: folder)
        }
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

    /// Removes staging and old folders that an interrupted build left beside the output.
    static func removeLeftovers(in parent: URL, outputName: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in names where entry.hasPrefix(".\(outputName).staging-") || entry.hasPrefix(".\(outputName).old-") {
            let suffix = entry.split(separator: "-").last.flatMap { Int32($0) }
            if let pid = suffix, pid != getpid(), kill(pid, 0) == 0 { continue }  // another live build's
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
        }
    }

    /// `.gitkeep` in the output folder is kept so the repository's placeholder survives builds.
    static func carryOverMarkers(from output: URL, to staging: URL) {
        let marker = output.appendingPathComponent(".gitkeep")
        if FileManager.default.fileExists(atPath: marker.path) {
            _ = FileManager.default.createFile(atPath: staging.appendingPathComponent(".gitkeep").path, contents: Data())
        }
    }

    static func writeFile(_ file: OutputFile, at path: String) -> Result<Int, WriteError> {
        switch file.contents {
        case .text(var text):
            return text.withUTF8 { writeBytes(UnsafeRawBufferPointer($0), to: path) }
        case .data(let data):
            return data.withUnsafeBytes { writeBytes($0, to: path) }
        case .copy(let source):
            guard let data = FileManager.default.contents(atPath: source) else {
                return .failure(WriteError(path: source, reason: "cannot read the file to copy"))
            }
            return data.withUnsafeBytes { writeBytes($0, to: path) }
        }
    }

    static func writeBytes(_ bytes: UnsafeRawBufferPointer, to path: String) -> Result<Int, WriteError> {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            return .failure(WriteError(path: path, reason: String(cString: strerror(code)), code: code))
        }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(descriptor)
                return .failure(WriteError(path: path, reason: reason))
            }
            offset += written
        }
        guard close(descriptor) == 0 else { return .failure(WriteError(path: path, reason: String(cString: strerror(errno)))) }
        return .success(bytes.count)
    }

    /// Puts the staging folder in the output's place: one atomic exchange where the kernel offers it,
    /// else two renames (with a moment where the output name is absent, never a mixed site).
    static func swap(staging: URL, output: URL, parent: URL, name: String) throws {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory)
        if exists, !isDirectory.boolValue {
            throw WriteError(path: output.path, reason: "the output path is a file, not a folder")
        }
        if !exists {
            guard rename(staging.path, output.path) == 0 else {
                throw WriteError(path: output.path, reason: String(cString: strerror(errno)))
            }
            return
        }
        if tp_exchange_paths(staging.path, output.path) == 0 {
            try? FileManager.default.removeItem(at: staging)  // now holds the previous site
            return
        }
        let old = parent.appendingPathComponent(".\(name).old-\(getpid())")
        guard rename(output.path, old.path) == 0 else {
            throw WriteError(path: output.path, reason: String(cString: strerror(errno)))
        }
        guard rename(staging.path, output.path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(old.path, output.path)
            throw WriteError(path: output.path, reason: reason)
        }
        try? FileManager.default.removeItem(at: old)
    }
}
