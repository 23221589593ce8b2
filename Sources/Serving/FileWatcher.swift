import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Watches folders recursively with inotify (no polling) and reports changed paths, relative to the
/// root, in batches: a burst of saves within `quiet` seconds becomes one batch. Editors that save
/// atomically (write a temporary file, rename it) show up as `IN_MOVED_TO`, so that is watched too.
public final class FileWatcher: @unchecked Sendable {
    private let root: String
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]
    private let quiet: Double
    private let onChange: @Sendable ([String]) -> Void
    private var running = true

    static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF)

    /// Starts watching `folders` (relative to `root`) on a thread of its own.
    public init(root: URL, folders: [String], quiet: Double = 0.03, onChange: @escaping @Sendable ([String]) -> Void) throws {
        self.root = root.standardizedFileURL.path
        self.quiet = quiet
        self.onChange = onChange
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else {
            throw NSError(domain: "inotify", code: Int(errno), userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
        for folder in folders { addRecursively(folder) }
        let thread = Thread { [self] in loop() }
        thread.name = "tietopankki-watcher"
        thread.start()
    }

    public func stop() {
        running = false
    }

    deinit { close(descriptor) }

    private func addRecursively(_ relative: String) {
        let path = relative.isEmpty ? root : root + "/" + relative
        let watch = inotify_add_watch(descriptor, path, Self.mask)
        guard watch >= 0 else { return }
        folders[watch] = relative
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for entry in entries where !entry.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path + "/" + entry, isDirectory: &isDirectory), isDirectory.boolValue {
                addRecursively(relative.isEmpty ? entry : relative + "/" + entry)
            }
        }
    }

    private func loop() {
        var pending: Set<String> = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while running {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, pending.isEmpty ? 500 : Int32(quiet * 1000))
            if ready == 0 {
                if !pending.isEmpty {
                    onChange(pending.sorted())
                    pending = []
                }
                continue
            }
            guard ready > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { continue }
            buffer.withUnsafeBytes { bytes in
                var offset = 0
                let header = MemoryLayout<inotify_event>.size
                while offset + header <= count {
                    let event = bytes.load(fromByteOffset: offset, as: inotify_event.self)
                    var name = ""
                    if event.len > 0 {
                        let start = bytes.baseAddress!.advanced(by: offset + header).assumingMemoryBound(to: CChar.self)
                        name = String(cString: start)
                    }
                    offset += header + Int(event.len)
                    guard let folder = folders[event.wd], !name.isEmpty else { continue }
                    let relative = folder.isEmpty ? name : folder + "/" + name
                    if event.mask & UInt32(IN_ISDIR) != 0 {
                        if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { addRecursively(relative) }
                        continue
                    }
                    pending.insert(relative)
                }
            }
        }
    }
}
