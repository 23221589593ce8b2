import Foundation
import Indexing
import Model
import Rendering
import Templates

/// The whole rendered site held in memory by the preview server, with what is needed to update it
/// after an edit: the loaded content, the compiled templates, the renderer (index and Markdown bodies),
/// each page's output path and the items it displays.
public struct SiteSnapshot: Sendable {
    public let request: BuildRequest
    var content: SiteContent {
        didSet { itemPositionByPath = Self.positions(of: content.items) }
    }
    /// Where each loaded item stands in `content.items`, by path: a body edit finds the item it replaces
    /// without reading the path of every item (each a pointer away: thousands of cache misses).
    private(set) var itemPositionByPath: [String: Int]
    /// Items whose body was edited since `content.items` was last rebuilt, by path. Kept apart so a body
    /// edit does not copy the whole item list, which the previous snapshot still shares.
    var editedItems: [String: ContentItem] = [:]
    var theme: ThemeSource
    var templates: TemplateSet
    var renderer: SiteRenderer
    var jobs: [PageJob]
    // Layered: an edit changes a few entries of each, and the previous snapshot shares the rest.
    var jobPath: LayeredDictionary<PageJob, String>
    var jobByPath: LayeredDictionary<String, PageJob>
    var uses: LayeredDictionary<PageJob, Set<String>>
    var files: LayeredDictionary<String, OutputFile>
    /// The paths of the jobs that make more than one file (the search indexes).
    var jobFiles: [PageJob: [String]] = [:]
    /// Aggregate pages whose output is out of date; rendered again when asked for.
    var stale: Set<PageJob> = []
    public internal(set) var warnings: [Diagnostic]

    /// The site's index (items, URLs, terms) as of this snapshot.
    public var index: SiteIndex { renderer.index }

    static func positions(of items: [ContentItem]) -> [String: Int] {
        Dictionary(items.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The loaded item at a content path, with its body edits applied.
    func currentItem(at path: String) -> ContentItem? {
        if let edited = editedItems[path] { return edited }
        return itemPositionByPath[path].map { content.items[$0] }
    }

    /// The loaded items with the body edits applied.
    var currentItems: [ContentItem] {
        guard !editedItems.isEmpty else { return content.items }
        return content.items.map { editedItems[$0.path] ?? $0 }
    }

    /// Every output path the site has.
    public var paths: [String] { files.keys.sorted() }

    /// The file at an output path, rendering it first when an edit left it out of date.
    public mutating func file(at path: String) -> OutputFile? {
        if let job = jobByPath[path], stale.contains(job) {
            let (rendered, used) = renderer.renderTracked(job)
            store(job, rendered)
            uses[job] = used
            stale.remove(job)
        }
        return files[path]
    }

    /// Every file, none out of date (what a full build would write).
    public mutating func allFiles() -> [OutputFile] {
        refreshStale()
        return files.keys.sorted().map { files[$0]! }
    }

    mutating func refreshStale() {
        let pending = stale.sorted { (jobPath[$0] ?? "") < (jobPath[$1] ?? "") }
        let rendered = parallelMap(pending) { [renderer] job in renderer.renderTracked(job) }
        for (job, result) in zip(pending, rendered) {
            store(job, result.files)
            uses[job] = result.uses
        }
        stale = []
        warnings = sortedDiagnostics(warnings.filter { !$0.message.hasPrefix(Self.searchCutPrefix) } + renderer.searchIndexWarnings)
    }

    static let searchCutPrefix = "the search index cut this item"

    /// Puts a job's files in place, dropping the files it made before and no longer makes (a search
    /// index's shards). Its first file is its path.
    mutating func store(_ job: PageJob, _ rendered: [OutputFile]) {
        if let old = jobFiles[job] {
            let now = Set(rendered.map(\.path))
            for path in old where !now.contains(path) {
                files[path] = nil
                jobByPath[path] = nil
            }
        }
        for file in rendered {
            files[file.path] = file
            jobByPath[file.path] = job
        }
        if rendered.count > 1 { jobFiles[job] = rendered.map(\.path) }
        if let first = rendered.first { jobPath[job] = first.path }
    }

    /// Renders `jobs` (tracking what they display) and stores the results; returns the paths written.
    mutating func render(_ jobs: [PageJob]) -> Set<String> {
        let rendered = parallelMap(jobs) { [renderer] job in renderer.renderTracked(job) }
        var paths: Set<String> = []
        for (job, result) in zip(jobs, rendered) {
            if let old = jobPath[job], old != result.files.first?.path { files[old] = nil }
            store(job, result.files)
            uses[job] = result.uses
            stale.remove(job)
            paths.formUnion(result.files.map(\.path))
        }
        return paths
    }

    /// A snapshot of a freshly prepared site, every page rendered.
    init(request: BuildRequest, prepared: SiteBuilder.PreparedSite) {
        self.request = request
        content = prepared.content
        itemPositionByPath = Self.positions(of: prepared.content.items)
        theme = prepared.theme
        templates = prepared.templates
        renderer = prepared.renderer
        jobs = prepared.renderer.jobs()
        jobPath = LayeredDictionary()
        jobByPath = LayeredDictionary()
        uses = LayeredDictionary()
        files = LayeredDictionary()
        warnings = sortedDiagnostics(prepared.diagnostics)
        for file in SiteBuilder.copiedFiles(theme, content, renderer: renderer) + prepared.pictureFiles { files[file.path] = file }
        _ = render(jobs)
        warnings = sortedDiagnostics(warnings + renderer.searchIndexWarnings)
    }
}
