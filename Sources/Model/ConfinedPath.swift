#if canImport(Glibc)
import Glibc
#endif

/// Opens files below a confining folder (the content folder, the theme folder) so that no symbolic link
/// can lead a read outside it — not even one swapped in between a check and the read.
///
/// The path is walked one component at a time with `openat(…, O_NOFOLLOW)` from the folder's own
/// descriptor, so each step opens exactly what was checked. A symbolic link met on the way is followed
/// by hand, and only while where it leads stays inside the folder; `..` never climbs above it. The
/// descriptor returned is the file that was checked: callers read through it, never by name again.
public enum ConfinedPath {
    /// Why a path could not be opened inside its folder.
    public enum Failure: Error, Equatable, Sendable {
        /// Nothing at the path (or a dangling link).
        case missing
        /// A symbolic link (or `..`) leads out of the folder; `target` says where to.
        case outside(target: String)
        /// More than `linkLimit` links on the way: a loop.
        case loop
        /// A component before the last is a file, not a folder.
        case notAFolder
        /// Any other failure of the system call, with its `errno`.
        case system(Int32)

        /// A sentence for a diagnostic.
        public var message: String {
            switch self {
            case .missing: return "the file is missing"
            case .outside(let target): return "a symbolic link leads outside the site folder (to \(target))"
            case .loop: return "the symbolic links on the way loop"
            case .notAFolder: return "a part of the path is a file, not a folder"
            case .system(let code): return "cannot read the file (\(String(cString: strerror(code))))"
            }
        }

        /// What the editor can do about it.
        public var hint: String {
            switch self {
            case .outside: return "copy the file into the site folder instead of linking to it"
            case .loop, .missing: return "remove the link or point it at a file inside the site folder"
            case .notAFolder, .system: return "check the path and its permissions"
            }
        }
    }

    /// Links followed on one path at most, as the kernel allows (`MAXSYMLINKS`).
    public static let linkLimit = 40

    /// The real path of `folder` (links resolved once, here), or nil when it does not exist.
    public static func realFolder(_ folder: String) -> String? {
        guard let resolved = realpath(folder, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Opens `path` (absolute below `root`, or relative to it) with `flags` (`O_RDONLY` by default; never
    /// following a link by itself). `root` must be a real path, as `realFolder` gives.
    /// The caller owns the descriptor returned and closes it.
    public static func open(_ path: String, within root: String, flags: Int32 = O_RDONLY | O_NONBLOCK) -> Result<Int32, Failure> {
        let relative: Substring
        if path == root {
            relative = ""
        } else if path.hasPrefix(root + "/") {
            relative = path.dropFirst(root.count + 1)
        } else if path.hasPrefix("/") {
            return .failure(.outside(target: path))
        } else {
            relative = path[...]
        }
        let rootDescriptor = Glibc.open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard rootDescriptor >= 0 else { return .failure(errno == ENOENT ? .missing : .system(errno)) }
        var folders = [rootDescriptor]  // the folders walked into; the first is the root
        defer { for folder in folders.reversed() where folder >= 0 { close(folder) } }

        var pending = Array(relative.split(separator: "/", omittingEmptySubsequences: true).reversed())
        var linksFollowed = 0
        while let component = pending.popLast() {
            if component == "." { continue }
            if component == ".." {
                guard folders.count > 1 else { return .failure(.outside(target: root + "/..")) }
                close(folders.removeLast())
                continue
            }
            let name = String(component)
            let isLast = pending.isEmpty
            let current = folders[folders.count - 1]
            let openFlags = (isLast ? flags : O_RDONLY | O_DIRECTORY) | O_NOFOLLOW | O_CLOEXEC
            let descriptor = openat(current, name, openFlags)
            if descriptor >= 0 {
                if isLast {
                    // The descriptor is handed out; the folders are closed by the defer.
                    return .success(descriptor)
                }
                folders.append(descriptor)
                continue
            }
            let failure = errno
            guard failure == ELOOP || failure == ENOTDIR, let target = linkTarget(name, in: current) else {
                switch failure {
                case ENOENT: return .failure(.missing)
                case ENOTDIR: return .failure(.notAFolder)
                default: return .failure(.system(failure))
                }
            }
            linksFollowed += 1
            guard linksFollowed <= linkLimit else { return .failure(.loop) }
            var targetComponents: [Substring]
            if target.hasPrefix("/") {
                // An absolute link is followed from the root, and only to a place inside it.
                guard let inside = insideRoot(target, root: root) else { return .failure(.outside(target: target)) }
                for folder in folders.dropFirst() { close(folder) }
                folders.removeSubrange(1...)
                targetComponents = inside.split(separator: "/", omittingEmptySubsequences: true)
            } else {
                targetComponents = target.split(separator: "/", omittingEmptySubsequences: true)
            }
            if targetComponents.isEmpty { targetComponents = ["."] }
            pending.append(contentsOf: targetComponents.reversed())
        }
        // The path named the root itself (or climbed back to it): hand out a fresh descriptor of it.
        let descriptor = openat(folders[folders.count - 1], ".", flags | O_CLOEXEC)
        return descriptor >= 0 ? .success(descriptor) : .failure(.system(errno))
    }

    /// Whether `path` opens as a regular file inside `root` (for errors at load time; readers still
    /// read through `open`, which checks again).
    public static func problem(_ path: String, within root: String) -> Failure? {
        switch open(path, within: root) {
        case .success(let descriptor):
            close(descriptor)
            return nil
        case .failure(let failure):
            return failure
        }
    }

    /// Reads a whole file inside `root`; nil and the failure when it cannot be opened there.
    public static func contents(of path: String, within root: String) -> Result<[UInt8], Failure> {
        open(path, within: root).flatMap { descriptor in
            defer { close(descriptor) }
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count > 0 { bytes.append(contentsOf: buffer[0..<count]); continue }
                if count < 0, errno == EINTR { continue }
                if count < 0 { return .failure(.system(errno)) }
                return .success(bytes)
            }
        }
    }

    /// The target of the symbolic link `name` in the folder `folder`, or nil when it is not a link.
    private static func linkTarget(_ name: String, in folder: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlinkat(folder, name, &buffer, buffer.count - 1)
        guard length >= 0 else { return nil }
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The part of an absolute link target below `root`, or nil when it lies outside. A target written
    /// through another name of the root's folders is compared by its real path.
    private static func insideRoot(_ target: String, root: String) -> String? {
        if target == root { return "" }
        if target.hasPrefix(root + "/") { return String(target.dropFirst(root.count + 1)) }
        guard let real = realFolder(target) else { return nil }
        if real == root { return "" }
        if real.hasPrefix(root + "/") { return String(real.dropFirst(root.count + 1)) }
        return nil
    }
}
