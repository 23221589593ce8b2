import Foundation
import Serving
import TestSupport
import Testing

/// Collects the watcher's batches for a test.
final class Batches: @unchecked Sendable {
    private let lock = NSLock()
    private var batches: [[String]] = []

    func add(_ batch: [String]) { lock.withLock { batches.append(batch) } }
    var all: [[String]] { lock.withLock { batches } }

    /// Waits up to `timeout` seconds for a batch containing `path`.
    func wait(for path: String, timeout: Double = 5) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if all.contains(where: { $0.contains(path) }) { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }
}

@Suite struct FileWatcherTests {
    @Test func reportsEditsAtomicSavesAndFilesInNewFoldersInDebouncedBatches() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("content/articles/a.fi.md", "a")
        let batches = Batches()
        let watcher = try FileWatcher(root: site.root, folders: ["content"]) { batches.add($0) }
        defer { watcher.stop() }
        Thread.sleep(forTimeInterval: 0.2)

        // A burst of saves becomes one batch.
        for round in 0..<5 { try site.write("content/articles/a.fi.md", "a\(round)") }
        #expect(batches.wait(for: "content/articles/a.fi.md"))
        #expect(batches.all.count == 1, "\(batches.all)")

        // An editor's atomic save: write a temporary file, rename it over the original.
        try site.write("content/articles/.a.fi.md.tmp", "b")
        #expect(rename(site.url("content/articles/.a.fi.md.tmp").path, site.url("content/articles/b.fi.md").path) == 0)
        #expect(batches.wait(for: "content/articles/b.fi.md"))

        // A new folder is watched from then on.
        try site.write("content/practices/c.fi.md", "c")
        Thread.sleep(forTimeInterval: 0.3)
        try site.write("content/practices/c.fi.md", "c2")
        #expect(batches.wait(for: "content/practices/c.fi.md"))
    }
}
