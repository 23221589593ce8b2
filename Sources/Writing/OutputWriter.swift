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

    /// A new site being written beside the output, batch by batch, so a large site need not be held in
    /// memory whole; `commit` swaps it in, `abandon` removes it. Either way the old output is whole until
    /// the swap.
    public final class Staging {
        let output: URL
        let parent: URL
        let name: String
        let folder: URL
        let faults: WriteFaults
        private var directories: Set<Substring> = []
        private var summary = WriteSummary(filesWritten: 0, bytesWritten: 0)

        public init(output: URL, faults: WriteFaults = WriteFaults()) throws {
            self.output = output.standardizedFileURL
            parent = self.output.deletingLastPathComponent()
            name = self.output.lastPathComponent
            self.faults = faults
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            removeLeftovers(in: parent, outputName: name)
            folder = parent.appendingPathComponent(".\(name).staging-\(getpid())")
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }

        /// Writes one batch of files into the staging folder.
        public func write(_ files: [OutputFile]) throws {
            for file in files where !isSafe(file.path) {
                throw WriteError(path: file.path, reason: "refusing to write outside the output folder")
            }
            var fault = faults
            fault.noSpaceAfterFiles = faults.noSpaceAfterFiles.map { $0 - summary.filesWritten }
            let written = try writeTree(files, into: folder, faults: fault, known: &directories)
            summary.filesWritten += written.filesWritten
            summary.bytesWritten += written.bytesWritten
        }

        /// Puts the staging folder in the output's place.
        @discardableResult
        public func commit() throws -> WriteSummary {
            carryOverMarkers(from: output, to: folder)
            try swap(staging: folder, output: output, parent: parent, name: name)
            return summary
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

    static func writeTree(
        _ files: [OutputFile], into root: URL, faults: WriteFaults = WriteFaults(), known: inout Set<Substring>
    ) throws -> WriteSummary {
        var directories = Set<Substring>()
        for file in files {
            var directory = file.path[...]
            // Searched in the UTF-8 bytes: a Character search walks grapheme clusters backwards.
            while let slash = directory.utf8.lastIndex(of: UInt8(ascii: "/")) {
                directory = directory[..<slash]
                guard !known.contains(directory), directories.insert(directory).inserted else { break }
            }
        }
        known.formUnion(directories)
        for directory in directories.sorted() {
            let path = root.path + "/" + directory
            if mkdir(path, 0o755) != 0, errno != EEXIST {
                throw WriteError(path: path, reason: String(cString: strerror(errno)))
            }
        }
        let rootPath = root.path
        let failAfter = faults.noSpaceAfterFiles
        let results = parallelMap(Array(files.enumerated())) { pair -> Result<Int, WriteError> in
            if let failAfter, pair.offset >= failAfter {
                return .failure(WriteError(path: rootPath + "/" + pair.element.path, reason: String(cString: strerror(ENOSPC))))
            }
            return writeFile(pair.element, at: rootPath + "/" + pair.element.path)
        }
        var bytes = 0
        for result in results {
            switch result {
            case .success(let count): bytes += count
            case .failure(let error): throw error
            }
        }
        return WriteSummary(filesWritten: files.count, bytesWritten: bytes)
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
        guard descriptor >= 0 else { return .failure(WriteError(path: path, reason: String(cString: strerror(errno)))) }
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
