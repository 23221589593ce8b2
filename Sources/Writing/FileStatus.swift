#if canImport(Glibc)
import Glibc
#endif

/// What `lstat` says about one entry of an output tree: enough to tell it is still the file a manifest
/// recorded (same inode, size and modification time) without reading it.
public struct FileStatus: Sendable, Equatable {
    public var inode: UInt64
    public var size: Int
    /// Modification time in nanoseconds since 1970.
    public var modified: Int64
    public var isRegularFile: Bool
    public var isFolder: Bool
    /// How many names the inode has; more than one means another tree shares it.
    public var links: Int

    public init(inode: UInt64, size: Int, modified: Int64, isRegularFile: Bool = true, isFolder: Bool = false, links: Int = 1) {
        self.inode = inode
        self.size = size
        self.modified = modified
        self.isRegularFile = isRegularFile
        self.isFolder = isFolder
        self.links = links
    }

    init(_ info: stat) {
        let kind = info.st_mode & S_IFMT
        self.init(
            inode: UInt64(info.st_ino), size: Int(info.st_size),
            modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
            isRegularFile: kind == S_IFREG, isFolder: kind == S_IFDIR, links: Int(info.st_nlink))
    }

    /// The entry at `path`, not following a symbolic link; nil when there is none.
    static func of(_ path: String) -> FileStatus? {
        var info = stat()
        return lstat(path, &info) == 0 ? FileStatus(info) : nil
    }

    /// The entry `name` in the open folder `folder`, not following a symbolic link.
    static func of(_ name: UnsafePointer<CChar>, in folder: Int32) -> FileStatus? {
        var info = stat()
        return fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? FileStatus(info) : nil
    }

    /// Whether this is, untouched, the file `entry` describes.
    func isUnchanged(_ entry: OutputManifest.Entry) -> Bool {
        isRegularFile && inode == entry.inode && size == entry.size && modified == entry.modified
    }
}
