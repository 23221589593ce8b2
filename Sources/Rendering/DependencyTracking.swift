/// Records which items a page job displays while it renders, so an edit to an item re-renders exactly
/// the pages that show it. Bound per job with `DependencyTracking.$recorder.withValue`, read where items
/// enter a page (cards, item pages, feed and calendar entries).
public final class DependencyRecorder: @unchecked Sendable {
    /// Content paths of the items the page used. Touched only by the thread rendering the job.
    public private(set) var paths: Set<String> = []

    public init() {}

    func record(_ path: String) { paths.insert(path) }
}

public enum DependencyTracking {
    @TaskLocal public static var recorder: DependencyRecorder?

    static func record(_ path: String) { recorder?.record(path) }
}
