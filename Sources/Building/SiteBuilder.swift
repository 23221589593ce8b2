import Foundation
import Indexing
import Inspection
import Loading
import Model
import Rendering
import Synchronization
import Templates
import Writing

/// The site rendered in memory: every output file, plus the warnings found on the way.
public struct RenderedSite: Sendable {
    public var files: [OutputFile]
    public var warnings: [Diagnostic]
    public var pageCount: Int
    /// Output path → the Markdown links rendered into that page, for checks of the output.
    public var linkOrigins: [String: [LinkOrigin]]
    public var index: SiteIndex
    /// The earliest moment after the build at which the site would change.
    public var nextChange: ScheduledChange?
    /// A warning per file beside the content that nothing published refers to (listed by `check`).
    public var unreferencedAttachments: [Diagnostic] = []
}

/// What a successful build reports.
public struct BuildReport: Sendable {
    public var pageCount: Int
    public var fileCount: Int
    public var warnings: [Diagnostic]
    public var seconds: Double
    public var nextChange: ScheduledChange?
    /// What the build changed in the output: files written, linked, kept and removed.
    public var written = WriteSummary()
    /// Everything the build loaded and rendered from. Freed with the report; a caller about to exit may
    /// keep it alive instead (`BuiltSite.keepUntilExit`), leaving it to the operating system.
    public var site: BuiltSite? = nil
}

/// The loaded content, the renderer and the output update of one build, as one handle the caller owns.
public final class BuiltSite: Sendable {
    let prepared: SiteBuilder.PreparedSite
    let update: OutputWriter.Update

    init(prepared: SiteBuilder.PreparedSite, update: OutputWriter.Update) {
        self.prepared = prepared
        self.update = update
    }

    /// Never freed: for a process that ends after the build (the `build` command), where freeing the
    /// site object by object costs more than it returns (20,000 files: 0.18 s of one core).
    public func keepUntilExit() {
        _ = Unmanaged.passRetained(self)
    }
}

/// The one place that knows the order of the stages:
/// load (content + theme) → index → render Markdown → render pages → write.
/// Every stage collects all its problems; the build stops after the first stage that has errors, so
/// the report lists every error of that stage at once and nothing is written.
public enum SiteBuilder {
    /// `jobs` with the few large pages (search and browse data, the sitemap, calendars and feeds of a
    /// language) first, the rest in their order.
    static func largestFirst(_ jobs: [PageJob]) -> [PageJob] {
        func isLarge(_ job: PageJob) -> Bool {
            switch job {
            case .searchData, .browseData, .sitemap, .eventCalendar, .feed, .browse: true
            default: false
            }
        }
        return jobs.filter(isLarge) + jobs.filter { !isLarge($0) }
    }

    /// The stages before page rendering: content and theme loaded, templates compiled, the index
    /// built and every Markdown body rendered. Shared by the one-shot build and the preview server.
    struct PreparedSite: Sendable {
        var content: SiteContent
        var theme: ThemeSource
        var templates: TemplateSet
        var renderer: SiteRenderer
        var diagnostics: [Diagnostic]
        /// The picture variants pages name, made (or found in the cache) while preparing, so that a
        /// picture that cannot be decoded is reported with every other error of the run.
        var pictureFiles: [OutputFile] = []
    }

    static func prepare(_ request: BuildRequest) -> Result<PreparedSite, BuildFailure> {
        var diagnostics: [Diagnostic] = []
        func failed() -> Bool { diagnostics.contains(where: \.isError) }

        // Load.
        let (loaded, contentDiagnostics) = ContentLoader.load(siteDirectory: request.siteDirectory)
        let (theme, themeDiagnostics) = ThemeLoader.load(
            themeDirectory: request.themeDirectory, displayPath: displayPath(request.themeDirectory, in: request.siteDirectory))
        diagnostics += contentDiagnostics + themeDiagnostics
        var templates: TemplateSet?
        if let theme {
            let (compiled, templateDiagnostics) = TemplateSet.compile(theme, specializing: request.specializesTemplates)
            templates = compiled
            diagnostics += templateDiagnostics
        }
        guard var content = loaded, let theme, let templates, !failed() else {
            return .failure(BuildFailure(diagnostics: sortedDiagnostics(diagnostics)))
        }
        if let baseURL = request.baseURL {
            content.config.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        }

        // Index, and the pictures' headers: pages name a picture's variants by its size.
        var (index, indexDiagnostics) = SiteIndexer.index(content, policy: request.policy)
        diagnostics += indexDiagnostics
        let pictures = PictureStep.inspect(content.assets, request: request)
        index.pictures = PictureStep.sitePictures(pictures, config: index.config)

        // Markdown bodies.
        let (bodies, bodyDiagnostics) = SiteRenderer.renderBodies(of: index, assets: content.assets, templates: templates)
        diagnostics += bodyDiagnostics
        guard !failed() else { return .failure(BuildFailure(diagnostics: sortedDiagnostics(diagnostics))) }
        var renderer = SiteRenderer(index: index, templates: templates, bodies: bodies, assets: content.assets)
        renderer.forMailing = request.emailForMailing
        diagnostics += PictureStep.check(pictures, renderer: renderer)
        let made = PictureStep.files(content.assets, renderer: renderer, request: request)
        diagnostics += made.diagnostics
        guard !failed() else { return .failure(BuildFailure(diagnostics: sortedDiagnostics(diagnostics))) }
        return .success(PreparedSite(
            content: content, theme: theme, templates: templates, renderer: renderer, diagnostics: diagnostics,
            pictureFiles: made.files))
    }

    /// Files copied as they are: the theme's static files, the content's attachments and the files of the
    /// site's face that site.yml names (their checked bytes, `SiteFile`). Attachments only when a
    /// published item refers to them (`PublishedAttachments`); pictures are published as their
    /// variants instead (`PictureStep`).
    static func copiedFiles(_ theme: ThemeSource, _ content: SiteContent, renderer: SiteRenderer) -> [OutputFile] {
        let siteFiles = content.config.siteFiles
        let siteFilePaths = Set(siteFiles.map(\.outputPath))
        return theme.staticFiles.map { OutputFile(path: $0.outputPath, contents: .copy(from: $0.sourcePath, within: $0.sourceRoot)) }
            + PublishedAttachments.published(content.assets, renderer: renderer)
                .filter { !siteFilePaths.contains($0.outputPath) }
                .map { OutputFile(path: $0.outputPath, contents: .copy(from: $0.sourcePath, within: $0.sourceRoot)) }
            + siteFiles.map { OutputFile.data($0.outputPath, $0.bytes) }
    }

    /// The copied files and the picture variants, with errors for pictures that could not be decoded
    /// (for the preview, which renders again without `prepare`).
    static func copiedFiles(
        _ theme: ThemeSource, _ content: SiteContent, renderer: SiteRenderer, request: BuildRequest
    ) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        let pictures = PictureStep.files(content.assets, renderer: renderer, request: request)
        return (copiedFiles(theme, content, renderer: renderer) + pictures.files, pictures.diagnostics)
    }

    /// Output path → the Markdown links rendered into that page.
    static func linkOrigins(_ renderer: SiteRenderer) -> [String: [LinkOrigin]] {
        var origins: [String: [LinkOrigin]] = [:]
        for item in renderer.index.items {
            for version in item.versions.values {
                if let links = renderer.bodies[version.path]?.links, !links.isEmpty {
                    origins[SitePaths.outputFile(for: renderer.index.url(of: version)), default: []] += links
                }
            }
        }
        return origins
    }

    /// Renders the whole site in memory without touching the output folder.
    public static func render(_ request: BuildRequest) -> Result<RenderedSite, BuildFailure> {
        let prepared: PreparedSite
        switch prepare(request) {
        case .success(let site): prepared = site
        case .failure(let failure): return .failure(failure)
        }
        let pages = prepared.renderer.renderAll()
        let files = pages + copiedFiles(prepared.theme, prepared.content, renderer: prepared.renderer) + prepared.pictureFiles
        return .success(RenderedSite(
            files: files, warnings: sortedDiagnostics(prepared.diagnostics + prepared.renderer.searchIndexWarnings),
            pageCount: pages.count,
            linkOrigins: linkOrigins(prepared.renderer), index: prepared.renderer.index,
            nextChange: Schedule.nextChange(prepared.content.items, now: request.now),
            unreferencedAttachments: PublishedAttachments.unreferencedWarnings(prepared.content.assets, renderer: prepared.renderer)))
    }

    /// Everything `render` validates, plus checks of the rendered site (links, anchors, alt text) and the
    /// translation report. Writes nothing. Warnings become errors with `strict`.
    public static func check(_ request: BuildRequest, strict: Bool = false) -> Result<RenderedSite, BuildFailure> {
        var site: RenderedSite
        switch render(request) {
        case .success(let rendered): site = rendered
        case .failure(let failure): return .failure(failure)
        }
        var pages: [String: String] = [:]
        for file in site.files where file.path.hasSuffix(".html") {
            if case .text(let text) = file.contents { pages[file.path] = text }
        }
        var diagnostics = site.warnings
        diagnostics += SiteLinkChecker.check(
            pages: pages, files: Set(site.files.map(\.path)), origins: site.linkOrigins,
            ignoring: [site.index.config.unsubscribePlaceholder])
        diagnostics += TranslationWarnings.diagnostics(site.index)
        diagnostics += site.unreferencedAttachments
        if strict {
            diagnostics = diagnostics.map { var d = $0; d.severity = .error; return d }
        }
        diagnostics = sortedDiagnostics(diagnostics)
        if diagnostics.contains(where: \.isError) { return .failure(BuildFailure(diagnostics: diagnostics)) }
        site.warnings = diagnostics
        return .success(site)
    }

    /// Renders and writes the site. Content errors throw `BuildFailure`; I/O problems throw `WriteError`.
    /// Either way the previous output is left as it was. Only files whose bytes changed are written
    /// (`OutputWriter.Update`). Refuses a dangerous output folder (`OutputGuard.Refusal`), waits for the lock (`BuildLock.Busy`)
    /// and holds it from rendering to the swap, so two builds of one site never interleave.
    @discardableResult
    public static func build(_ request: BuildRequest) throws -> BuildReport {
        let elapsed = request.clock.stopwatch()
        try OutputGuard.check(
            output: request.outputDirectory, content: request.siteDirectory.appendingPathComponent("content"),
            home: request.homeDirectory)
        let lock = try BuildLock(
            path: OutputLocation(output: request.outputDirectory).lock, wait: request.lockWait, clock: request.clock)
        // The previous tree is listed while the content loads and renders (a folder read per page).
        let opening = Opening { try OutputWriter.Update(output: request.outputDirectory, faults: request.writeFaults) }
        let prepared: PreparedSite
        switch prepare(request) {
        case .success(let site): prepared = site
        case .failure(let failure): throw failure
        }

        let update = try opening.value()
        if request.holdLockSeconds > 0 { Thread.sleep(forTimeInterval: request.holdLockSeconds) }
        // Each page is written as soon as it is rendered, on the core that rendered it: memory holds the
        // pages in flight, and no core waits for a batch's slowest page or for the other's writes. The
        // largest pages go first so that none of them is left running alone at the end.
        let renderer = prepared.renderer
        let jobs = Self.largestFirst(renderer.jobs())
        let stop = Atomic<Bool>(false)
        let results = parallelMap(jobs) { job -> Result<Int, WriteError>? in
            guard !stop.load(ordering: .relaxed) else { return nil }
            // A job's file count: one page, or a language's search index.
            let files = renderer.renderFiles(job)
            for file in files {
                if case .failure(let error) = update.write(file) {
                    stop.store(true, ordering: .relaxed)
                    return .failure(error)
                }
            }
            return .success(files.count)
        }
        var rendered = 0
        for result in results {
            switch result {
            case .failure(let error)?: throw error
            case .success(let count)?: rendered += count
            case nil: break
            }
        }
        let copied = copiedFiles(prepared.theme, prepared.content, renderer: prepared.renderer) + prepared.pictureFiles
        try update.write(copied)
        let written = try update.commit()
        let fileCount = rendered + copied.count
        withExtendedLifetime(lock) {}
        let site = (pageCount: jobs.count, fileCount: fileCount,
                    warnings: sortedDiagnostics(prepared.diagnostics + renderer.searchIndexWarnings),
                    nextChange: Schedule.nextChange(prepared.content.items, now: request.now))
        let duration = elapsed()
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return BuildReport(
            pageCount: site.pageCount, fileCount: site.fileCount, warnings: site.warnings, seconds: seconds,
            nextChange: site.nextChange, written: written, site: BuiltSite(prepared: prepared, update: update))
    }

    /// A path as the user knows it: relative to the site folder when inside it.
    static func displayPath(_ url: URL, in site: URL) -> String {
        let full = url.standardizedFileURL.path
        let base = site.standardizedFileURL.path
        if full.hasPrefix(base + "/") { return String(full.dropFirst(base.count + 1)) }
        return full
    }
}

/// A value made on another thread while this one does something else; `value()` waits for it.
final class Opening<Value: Sendable>: @unchecked Sendable {
    private var result: Result<Value, any Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ make: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async {
            self.result = Result { try make() }
            self.done.signal()
        }
    }

    func value() throws -> Value {
        done.wait()
        done.signal()
        return try result!.get()
    }
}

extension Clock<Duration> {
    /// The time since this call, as the clock measures it, each time the result is called.
    func stopwatch() -> () -> Duration {
        let start = now
        return { start.duration(to: now) }
    }
}
