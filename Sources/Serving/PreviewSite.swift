import Building
import Foundation
import Model

/// The site the preview server serves: the last good snapshot, the errors of the last failed rebuild
/// (shown as an overlay until fixed), and the browsers waiting for a reload.
public actor PreviewSite {
    private var snapshot: SiteSnapshot
    private(set) var errors: [Diagnostic] = []
    private(set) var generation = 0
    private var listeners: [UUID: AsyncStream<String>.Continuation] = [:]

    public init(snapshot: SiteSnapshot) {
        self.snapshot = snapshot
    }

    public func file(at path: String) -> OutputFile? { snapshot.file(at: path) }

    public func exists(_ path: String) -> Bool { snapshot.file(at: path) != nil }

    public var currentErrors: [Diagnostic] { errors }

    /// Applies changed paths (relative to the site folder); returns how long the rebuild took.
    @discardableResult
    public func apply(changedPaths: [String], themePath: String = "themes/default") -> (milliseconds: Double, ok: Bool)? {
        let changes = Set(changedPaths.compactMap { ChangeClassifier.classify($0, themePath: themePath) })
        guard !changes.isEmpty else { return nil }
        let started = DispatchTime.now()
        let ok: Bool
        switch IncrementalBuilder.update(snapshot, with: changes) {
        case .success(let update):
            snapshot = update.snapshot
            errors = []
            ok = true
        case .failure(let failure):
            errors = failure.diagnostics.filter(\.isError)
            ok = false
        }
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
        generation += 1
        broadcast("event: reload\ndata: \(generation)\n\n")
        return (milliseconds, ok)
    }

    /// The number of rebuilds so far (each ends with a reload event).
    public var rebuilds: Int { generation }

    /// A stream of Server-Sent Events for one browser.
    public func subscribe() -> (UUID, AsyncStream<String>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream()
        continuation.yield("retry: 1000\n\n")
        listeners[id] = continuation
        return (id, stream)
    }

    public func unsubscribe(_ id: UUID) {
        listeners[id]?.finish()
        listeners[id] = nil
    }

    func broadcast(_ event: String) {
        for continuation in listeners.values { continuation.yield(event) }
    }
}
