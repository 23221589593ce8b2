import Foundation
import Model
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

extension OutputWriter {
    /// One build's update of the previous tree, file by file as pages are rendered (from several
    /// threads at once), then `commit` to exchange it with the live tree.
    ///
    /// For each file the new bytes are hashed and compared with the live tree's manifest: a file the live
    /// tree has unchanged is kept when the previous tree already shares its inode, or hard-linked from the
    /// live tree otherwise, so it keeps its inode and mtime across the exchange; anything else is written.
    /// An entry counts as unchanged only while `lstat` shows the inode, size and mtime the manifest
    /// recorded, so hand edits are noticed. An inode both trees share is never written into.
    public final class Update: Sendable {
        public let location: OutputLocation
        let livePath: String
        let previousPath: String
        /// The previous tree as it was when the update began.
        let before: TreeScan
        let liveManifest: OutputManifest
        /// The repository's `output/.gitkeep` stays.
        let keepsPlaceholder: Bool
        let faults: WriteFaults
        private let entries = Mutex<[String: OutputManifest.Entry]>([:])
        private let madeFolders = Mutex<Set<String>>([])
        private let writesStarted = Atomic<Int>(0)
        private let written = Atomic<Int>(0)
        private let bytes = Atomic<Int>(0)
        private let linked = Atomic<Int>(0)
        private let kept = Atomic<Int>(0)

        /// Refuses an output tietopankki did not write (`OutputGuard.Refusal`); makes the previous tree
        /// when there is none.
        public init(output: URL, faults: WriteFaults = WriteFaults()) throws {
            location = OutputLocation(output: output)
            try location.checkOwnership()
            livePath = location.live.path
            previousPath = location.previous.path
            self.faults = faults
            let parent = location.live.deletingLastPathComponent()
            try OutputLocation.makeFolder(parent)
            OutputWriter.removeLeftovers(in: parent, outputName: location.live.lastPathComponent)
            try Self.preparePrevious(at: previousPath)
            before = TreeScan(root: previousPath, skipping: [OutputManifest.fileName])
            liveManifest = OutputManifest.read(in: livePath)
            keepsPlaceholder = FileStatus.of(livePath + "/.gitkeep")?.isRegularFile == true
        }

        /// A folder with the manifest's header in it, so that a build killed before its first commit still
        /// left a folder marked as tietopankki's.
        static func preparePrevious(at path: String) throws {
            if let status = FileStatus.of(path), !status.isFolder {
                guard unlink(path) == 0 else { throw WriteError.lastCall(on: path) }
            }
            if FileStatus.of(path) == nil, mkdir(path, 0o755) != 0 { throw WriteError.lastCall(on: path) }
            let marker = path + "/" + OutputManifest.fileName
            if FileStatus.of(marker) == nil {
                var header = OutputManifest.header
                if case .failure(let error) = header.withUTF8({ writeBytes(UnsafeRawBufferPointer($0), to: marker) }) {
                    throw error
                }
            }
        }

        /// Brings one file of the new site into the previous tree. Safe to call from several threads.
        /// Returns the number of bytes written (0 when the file was unchanged).
        public func write(_ file: OutputFile) -> Result<Int, WriteError> {
            guard OutputWriter.isSafe(file.path) else {
                return .failure(WriteError(path: file.path, reason: "refusing to write outside the output folder"))
            }
            guard file.path != OutputManifest.fileName else {
                return .failure(WriteError(path: file.path, reason: "the name is reserved for the build's manifest"))
            }
            switch file.contents {
            case .text(var text):
                return text.withUTF8 { place(file.path, UnsafeRawBufferPointer($0)) }
            case .data(let data):
                return data.withUnsafeBytes { place(file.path, $0) }
            case .copy(let source, let root):
                switch ConfinedPath.contents(of: source, within: root) {
                case .success(let bytes): return bytes.withUnsafeBytes { place(file.path, $0) }
                case .failure(let failure):
                    return .failure(WriteError(path: source, reason: "cannot copy the file: \(failure.message)"))
                }
            }
        }

        /// Brings a batch of files into the previous tree, in parallel; throws the first failure.
        public func write(_ files: [OutputFile]) throws {
            for result in parallelMap(files, write) {
                if case .failure(let error) = result { throw error }
            }
        }

        private func place(_ path: String, _ content: UnsafeRawBufferPointer) -> Result<Int, WriteError> {
            let hash = ContentHash(content)
            let found = before.files[path]
            if let entry = liveManifest.entries[path], entry.hash == hash {
                if let found, found.isUnchanged(entry) {
                    record(path, entry, in: kept)
                    return .success(0)
                }
                let source = livePath + "/" + path
                if FileStatus.of(source)?.isUnchanged(entry) == true {
                    if let error = makeRoom(for: path, replacing: found, inPlace: false) { return .failure(error) }
                    if link(source, previousPath + "/" + path) == 0 {
                        record(path, entry, in: linked)
                        return .success(0)
                    }
                    guard errno == EXDEV || errno == EMLINK || errno == EPERM else {
                        return .failure(.lastCall(on: previousPath + "/" + path))
                    }
                }
            }
            let number = writesStarted.wrappingAdd(1, ordering: .relaxed).oldValue
            if let limit = faults.noSpaceAfterFiles, number >= limit {
                return .failure(WriteError(path: previousPath + "/" + path, reason: String(cString: strerror(ENOSPC)), code: ENOSPC))
            }
            if let error = makeRoom(for: path, replacing: found, inPlace: true) { return .failure(error) }
            switch OutputWriter.writeBytes(content, to: previousPath + "/" + path) {
            case .success(let status):
                record(path, OutputManifest.Entry(hash: hash, status: status), in: written)
                bytes.add(content.count, ordering: .relaxed)
                return .success(content.count)
            case .failure(let error):
                return .failure(error)
            }
        }

        private func record(_ path: String, _ entry: OutputManifest.Entry, in counter: borrowing Atomic<Int>) {
            entries.withLock { $0[path] = entry }
            counter.add(1, ordering: .relaxed)
        }

        /// Clears the way for a file at `path`: its folders exist, no folder is in its place, and a file
        /// there is removed unless it may be overwritten (`inPlace`: only an inode no other tree shares).
        private func makeRoom(for path: String, replacing found: FileStatus?, inPlace: Bool) -> WriteError? {
            if let error = makeFolders(for: path) { return error }
            let target = previousPath + "/" + path
            if before.folders.contains(path) {
                do { try FileManager.default.removeItem(atPath: target) } catch {
                    return WriteError(path: target, reason: "cannot remove the folder in the file's place: \(error.localizedDescription)")
                }
            } else if let found, !(inPlace && found.isRegularFile && found.links == 1) {
                if unlink(target) != 0, errno != ENOENT { return .lastCall(on: target) }
            }
            return nil
        }

        /// Makes the folders above `path` that the previous tree lacks, outermost first, removing a file
        /// or link that stands where a folder belongs. Another thread may make them at the same time.
        private func makeFolders(for path: String) -> WriteError? {
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
            if before.folders.contains(String(path[..<slash])) { return nil }
            var end = path.utf8.startIndex
            while let next = path.utf8[end...].firstIndex(of: UInt8(ascii: "/")) {
                let folder = String(path[..<next])
                end = path.utf8.index(after: next)
                if before.folders.contains(folder) || madeFolders.withLock({ $0.contains(folder) }) { continue }
                let target = previousPath + "/" + folder
                if before.files[folder] != nil { _ = unlink(target) }
                if faults.noInodesForFolders {
                    return WriteError(path: target, reason: String(cString: strerror(ENOSPC)), code: ENOSPC)
                }
                if mkdir(target, 0o755) != 0, errno != EEXIST { return .lastCall(on: target) }
                madeFolders.withLock { _ = $0.insert(folder) }
            }
            return nil
        }

        /// Removes what the new site no longer has, writes the manifest and exchanges the trees.
        @discardableResult
        public func commit() throws -> WriteSummary {
            if keepsPlaceholder, case .failure(let error) = write(.text(".gitkeep", "")) { throw error }
            let manifest = OutputManifest(entries: entries.withLock { $0 })
            var summary = WriteSummary()
            summary.entriesRemoved = try removeStale(keeping: manifest)
            try writeManifest(manifest)
            try OutputWriter.exchange(location)
            summary.filesWritten = written.load(ordering: .relaxed)
            summary.bytesWritten = bytes.load(ordering: .relaxed)
            summary.filesLinked = linked.load(ordering: .relaxed)
            summary.filesKept = kept.load(ordering: .relaxed)
            return summary
        }

        /// Puts the new tree's manifest in place: the live tree's own file, linked, when nothing changed
        /// (so that such a build writes no file at all), else a new file renamed into place.
        private func writeManifest(_ manifest: OutputManifest) throws {
            let target = previousPath + "/" + OutputManifest.fileName
            let staged = target + ".new"
            _ = unlink(staged)
            if manifest == liveManifest, link(livePath + "/" + OutputManifest.fileName, staged) == 0 {
                guard rename(staged, target) == 0 else { throw WriteError.lastCall(on: target) }
                _ = unlink(staged)  // rename does nothing when both names are already the same file
                return
            }
            var text = manifest.text
            if case .failure(let error) = text.withUTF8({ OutputWriter.writeBytes(UnsafeRawBufferPointer($0), to: staged) }) {
                throw error
            }
            guard rename(staged, target) == 0 else { throw WriteError.lastCall(on: target) }
        }

        /// Deletes the previous tree's files and folders that are not part of the new site, innermost
        /// folders first; returns how many. An entry whose folder became a file is already gone (ENOTDIR).
        private func removeStale(keeping manifest: OutputManifest) throws -> Int {
            var needed = Set<String>()
            for path in manifest.entries.keys {
                var folder = Substring(path)
                while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
                    folder = folder[..<slash]
                    if !needed.insert(String(folder)).inserted { break }
                }
            }
            var removed = 0
            for path in before.files.keys where manifest.entries[path] == nil && !needed.contains(path) {
                let target = previousPath + "/" + path
                if unlink(target) != 0, errno != ENOENT, errno != ENOTDIR { throw WriteError.lastCall(on: target) }
                removed += 1
            }
            let stale = before.folders.subtracting(needed).filter { manifest.entries[$0] == nil }
            for folder in stale.sorted(by: { $0.utf8.count > $1.utf8.count }) {
                let target = previousPath + "/" + folder
                if rmdir(target) != 0, errno != ENOENT, errno != ENOTDIR { throw WriteError.lastCall(on: target) }
                removed += 1
            }
            return removed
        }
    }
}
