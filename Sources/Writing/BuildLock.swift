import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One build of a site at a time: an exclusive `flock` on `.<output>.lock` beside the output folder
/// (`OutputLocation.lock`, beside the folder a symbolic link leads to).
/// The kernel releases it when the process ends, however it ends, so a killed build never leaves a
/// stale lock behind.
public final class BuildLock {
    /// Another build holds the lock and did not finish within the wait.
    public struct Busy: Error, CustomStringConvertible {
        public var lockPath: String
        public var waited: Double
        public var description: String {
            "another build of this site is running (lock \(lockPath)); waited \(String(format: "%.0f", waited)) s"
        }
    }

    private let descriptor: Int32
    public let path: String

    /// Takes the lock file at `path`, waiting up to `wait` seconds as `clock` measures them.
    public init(path lockFile: URL, wait: Double, clock: some Clock<Duration>) throws {
        path = lockFile.path
        try OutputLocation.makeFolder(lockFile.deletingLastPathComponent())
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        let deadline = clock.now.advanced(by: .milliseconds(Int64(max(0, wait) * 1_000)))
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, clock.now < deadline else {
                close(descriptor)
                throw Busy(lockPath: path, waited: wait)
            }
            usleep(100_000)
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
