#if canImport(Glibc)
import Glibc
#endif

/// Every entry below a folder, by relative path, as `lstat` sees it: symbolic links are entries, never
/// followed. The previous tree is scanned once per build so that an update knows what is there without
/// asking for each file.
public struct TreeScan: Sendable {
    /// Entries that are not folders (regular files, links, anything else).
    public var files: [String: FileStatus] = [:]
    /// Folders, without the root.
    public var folders: Set<String> = []

    public init() {}

    /// Scans `root`; a missing root is an empty tree. Entries named in `skipping` at the top are left out.
    public init(root: String, skipping: Set<String> = []) {
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        scan(descriptor, prefix: "", skipping: skipping)
    }

    /// Reads the open folder `descriptor` (and closes it), then the folders inside it.
    private mutating func scan(_ descriptor: Int32, prefix: String, skipping: Set<String>) {
        guard let folder = fdopendir(descriptor) else {
            close(descriptor)
            return
        }
        defer { closedir(folder) }
        while let entry = readdir(folder) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." || (prefix.isEmpty && skipping.contains(name)) { continue }
            let path = prefix + name
            let type = entry.pointee.d_type
            if type == UInt8(DT_DIR) || type == UInt8(DT_UNKNOWN) {
                let child = openat(dirfd(folder), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if child >= 0 {
                    folders.insert(path)
                    scan(child, prefix: path + "/", skipping: [])
                    continue
                }
            }
            if let status = FileStatus.of(name, in: dirfd(folder)) { files[path] = status }
        }
    }
}
