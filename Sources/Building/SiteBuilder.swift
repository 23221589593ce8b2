import Foundation
import Indexing
import Inspection
import Loading
import Model
import Rendering
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
}

/// What a successful build reports.
public struct BuildReport: Sendable {
    public var pageCount: Int
    public var fileCount: Int
    public var warnings: [Diagnostic]
    public var seconds: Double
    public var nextChange: ScheduledChange?
}

/// The one place that knows the order of the stages:
/// load (content + theme) → index → render Markdown → render pages → write.
/// Every stage collects all its problems; the build stops after the first stage that has errors, so
/// the report lists every error of that stage at once and nothing is written.
public enum SiteBuilder {
    /// Renders the whole site in memory without touching the output folder.
    public static func render(_ request: BuildRequest) -> Result<RenderedSite, BuildFailure> {
        var diagnostics: [Diagnostic] = []
        func failed() -> Bool { diagnostics.contains(where: \.isError) }

        // Load.
        let (loaded, contentDiagnostics) = ContentLoader.load(siteDirectory: request.siteDirectory)
        let (theme, themeDiagnostics) = ThemeLoader.load(
            themeDirectory: request.themeDirectory, displayPath: displayPath(request.themeDirectory, in: request.siteDirectory))
        diagnostics += contentDiagnostics + themeDiagnostics
        var templates: TemplateSet?
        if let theme {
            let (compiled, templateDiagnostics) = TemplateSet.compile(theme)
            templates = compiled
            diagnostics += templateDiagnostics
        }
        guard var content = loaded, let templates, !failed() else {
            return .failure(BuildFailure(diagnostics: sortedDiagnostics(diagnostics)))
        }
        if let baseURL = request.baseURL {
            content.config.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        }

        // Index.
        let policy = PublishingPolicy(
            now: request.now, includeDrafts: request.includeDrafts, includeFuture: request.includeFuture)
        let (index, indexDiagnostics) = SiteIndexer.index(content, policy: policy)
        diagnostics += indexDiagnostics

        // Render.
        let (bodies, bodyDiagnostics) = SiteRenderer.renderBodies(of: index, assets: content.assets)
        diagnostics += bodyDiagnostics
        guard !failed() else { return .failure(BuildFailure(diagnostics: sortedDiagnostics(diagnostics))) }
        let renderer = SiteRenderer(index: index, templates: templates, bodies: bodies, assets: content.assets)
        var files = renderer.renderAll()
        let pageCount = files.count
        files += theme!.staticFiles.map { OutputFile(path: $0.outputPath, contents: .copy(from: $0.sourcePath)) }
        files += content.assets.map { OutputFile(path: String($0.sitePath.dropFirst()), contents: .copy(from: $0.sourcePath)) }
        var origins: [String: [LinkOrigin]] = [:]
        for item in index.items {
            for version in item.versions.values {
                if let links = bodies[version.path]?.links, !links.isEmpty {
                    origins[SitePaths.outputFile(for: index.url(of: version)), default: []] += links
                }
            }
        }
        return .success(RenderedSite(
            files: files, warnings: sortedDiagnostics(diagnostics), pageCount: pageCount, linkOrigins: origins,
            index: index, nextChange: Schedule.nextChange(content.items, now: request.now)))
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
        diagnostics += TranslationReport.warnings(site.index)
        if strict {
            diagnostics = diagnostics.map { var d = $0; d.severity = .error; return d }
        }
        diagnostics = sortedDiagnostics(diagnostics)
        if diagnostics.contains(where: \.isError) { return .failure(BuildFailure(diagnostics: diagnostics)) }
        site.warnings = diagnostics
        return .success(site)
    }

    /// Renders and writes the site. Content errors throw `BuildFailure`; I/O problems throw `WriteError`.
    /// Either way the previous output is left as it was.
    @discardableResult
    /// Refuses a dangerous output folder (`OutputGuard.Refusal`), waits for the lock (`BuildLock.Busy`)
    /// and holds it from rendering to the swap, so two builds of one site never interleave.
    public static func build(_ request: BuildRequest) throws -> BuildReport {
        let started = DispatchTime.now()
        try OutputGuard.check(
            output: request.outputDirectory, content: request.siteDirectory.appendingPathComponent("content"))
        let lock = try BuildLock(output: request.outputDirectory, wait: request.lockWait)
        let site: RenderedSite
        switch render(request) {
        case .success(let rendered): site = rendered
        case .failure(let failure): throw failure
        }
        if request.holdLockSeconds > 0 { Thread.sleep(forTimeInterval: request.holdLockSeconds) }
        try OutputWriter.write(site.files, to: request.outputDirectory, faults: request.writeFaults)
        withExtendedLifetime(lock) {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return BuildReport(
            pageCount: site.pageCount, fileCount: site.files.count, warnings: site.warnings, seconds: seconds,
            nextChange: site.nextChange)
    }

    /// A path as the user knows it: relative to the site folder when inside it.
    static func displayPath(_ url: URL, in site: URL) -> String {
        let full = url.standardizedFileURL.path
        let base = site.standardizedFileURL.path
        if full.hasPrefix(base + "/") { return String(full.dropFirst(base.count + 1)) }
        return full
    }
}
