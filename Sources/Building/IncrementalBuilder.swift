import Foundation
import Indexing
import Loading
import Markdown
import Model
import Rendering
import Templates

/// Keeps an in-memory site up to date after edits, doing only the work an edit needs:
///
/// - an edit to a body alone re-renders that Markdown body, the item's own pages and — when the summary
///   its cards show changed — the pages that display it; feeds, calendars, the sitemap and the search data
///   are rendered again only when asked for;
/// - an edit to a title (with or without the body) that keeps the item's URL re-renders the item's pages
///   and every page that displays the item (lists, home, terms, related items, newsletters), again leaving
///   the aggregate files for when they are asked for; nothing is ordered by title, so no list moves. A
///   standing page in the menu is shown on every page and takes the slow path;
/// - an edit to front matter (or a new or deleted file) re-indexes the site and renders every page again,
///   reusing every Markdown body that neither changed nor links to something that moved;
/// - a template edit re-renders the pages that use the template (all pages for `base` and partials);
/// - a change of settings, vocabularies or UI strings rebuilds everything.
///
/// A failed update returns the errors and leaves the previous snapshot as it was.
public enum IncrementalBuilder {
    /// What an update did: the new snapshot and the output paths it rewrote.
    public struct Update: Sendable {
        public var snapshot: SiteSnapshot
        public var changedPaths: Set<String>
        public var fullRebuild: Bool
        /// Page jobs rendered by the update itself (aggregates left out of date to be rendered on request
        /// are not counted).
        public var renderedPages = 0
    }

    /// Builds the site in memory, every page rendered.
    public static func initial(_ request: BuildRequest) -> Result<SiteSnapshot, BuildFailure> {
        SiteBuilder.prepare(request).map { SiteSnapshot(request: request, prepared: $0) }
    }

    public static func update(_ snapshot: SiteSnapshot, with changes: Set<SiteChange>) -> Result<Update, BuildFailure> {
        if changes.contains(.everything) { return rebuildAll(snapshot) }
        var site = snapshot
        var changed: Set<String> = []
        var full = false
        var rendered = 0

        let contentPaths = changes.compactMap { change -> String? in
            if case .contentFile(let path) = change { return path }
            return nil
        }.sorted()
        let assetsChanged = changes.contains { if case .asset = $0 { return true } else { return false } }
        if !contentPaths.isEmpty || assetsChanged {
            switch updateContent(&site, paths: contentPaths, assetsChanged: assetsChanged) {
            case .failure(let failure): return .failure(failure)
            case .success(let result):
                changed.formUnion(result.paths)
                full = result.structural
                rendered += result.rendered
            }
        }

        let templateNames = Set(changes.compactMap { change -> String? in
            if case .template(let name) = change { return name }
            return nil
        })
        if !templateNames.isEmpty, !full {
            switch updateTemplates(&site, names: templateNames) {
            case .failure(let failure): return .failure(failure)
            case .success(let result):
                changed.formUnion(result.paths)
                rendered += result.rendered
            }
        }

        for change in changes {
            if case .staticFile(let path) = change { changed.insert(path) }
        }
        return .success(Update(snapshot: site, changedPaths: changed, fullRebuild: full, renderedPages: rendered))
    }

    static func rebuildAll(_ snapshot: SiteSnapshot) -> Result<Update, BuildFailure> {
        initial(snapshot.request).map {
            Update(snapshot: $0, changedPaths: Set($0.files.keys), fullRebuild: true, renderedPages: $0.jobs.count)
        }
    }

    /// What a content or template update did: the output paths it wrote, whether it re-indexed the
    /// site, and how many page jobs it rendered.
    struct Step {
        var paths: Set<String>
        var structural: Bool
        var rendered: Int
    }

    // MARK: - Content

    static func updateContent(
        _ site: inout SiteSnapshot, paths: [String], assetsChanged: Bool
    ) -> Result<Step, BuildFailure> {
        let request = site.request
        var replaced: [String: ContentItem?] = [:]
        var diagnostics: [Diagnostic] = []
        for path in paths {
            let (item, itemDiagnostics) = ContentLoader.reload(
                path: path, siteDirectory: request.siteDirectory, regions: site.content.regions, themes: site.content.themes,
                assets: site.content.assets)
            diagnostics += itemDiagnostics
            replaced[path] = item
        }
        if diagnostics.contains(where: \.isError) {
            return .failure(BuildFailure(diagnostics: sortedDiagnostics(diagnostics)))
        }
        // Only the edited files' previous versions are needed (a dictionary of every item cost a body
        // edit at 10,000 files about 30 ms of copying), found by path.
        var old: [String: ContentItem] = [:]
        for path in paths { old[path] = site.currentItem(at: path) }

        // An edit that touched the body only keeps every URL, list and term as it was.
        let bodyOnly = !assetsChanged && paths.allSatisfy { path in
            guard let before = old[path], let after = replaced[path] ?? nil else { return false }
            var same = before
            same.body = after.body
            return same == after
        }
        if bodyOnly {
            return updateBodies(&site, items: paths.compactMap { replaced[$0] ?? nil }, warnings: diagnostics)
        }
        // An edit that touched the title (and maybe the body) but kept the URL moves nothing either: the
        // same pages show the item, only what they show of it differs.
        let displayOnly = !assetsChanged && paths.allSatisfy { path in
            guard let before = old[path], let after = replaced[path] ?? nil else { return false }
            return isDisplayOnly(before: before, after: after)
        }
        if displayOnly {
            return updateBodies(&site, items: paths.compactMap { replaced[$0] ?? nil }, warnings: diagnostics, titlesChanged: true)
        }
        return restructure(&site, replaced: replaced, assetsChanged: assetsChanged, warnings: diagnostics)
    }

    /// Whether `after` differs from `before` only in its body and title, with the same URL: no explicit
    /// `slug` means the slug comes from the title, and a slug that changes moves the page (every link to
    /// it changes). A standing page in the menu has its title in every page's menu: not display-only.
    static func isDisplayOnly(before: ContentItem, after: ContentItem) -> Bool {
        guard before.page?.menu == nil, SiteIndexer.slug(of: before) == SiteIndexer.slug(of: after) else { return false }
        var same = before
        same.body = after.body
        var common = same.common
        common.title = after.common.title
        same.common = common
        return same == after
    }

    /// The fast path: new Markdown bodies for unchanged front matter, or — with `titlesChanged` — for
    /// front matter whose title alone changed (`isDisplayOnly`).
    static func updateBodies(
        _ site: inout SiteSnapshot, items: [ContentItem], warnings: [Diagnostic], titlesChanged: Bool = false
    ) -> Result<Step, BuildFailure> {
        let published = items.filter { site.renderer.index.urlBySourcePath[$0.path] != nil }
        var bodies: [String: RenderedMarkdown] = [:]
        var diagnostics = warnings
        for item in published {
            let body = site.renderer.renderBody(item)
            bodies[item.path] = body
            diagnostics += body.diagnostics
        }
        if diagnostics.contains(where: \.isError) {
            return .failure(BuildFailure(diagnostics: sortedDiagnostics(diagnostics)))
        }
        for item in items { site.editedItems[item.path] = item }
        let before = site.renderer
        // A title is also in the copies the lists and term pages hold; a body is read by path only.
        let updatedIndex = titlesChanged ? before.index.replacingDisplayed(published) : before.index.replacingItems(published)
        site.renderer = before.replacing(
            index: updatedIndex, bodies: bodies, sameFrontMatter: true, displayEdits: titlesChanged ? published : [])

        let touched = Set(published.map(\.path))
        let ownPages = Set(published.map { PageKey(id: $0.id, language: $0.language) })
        let cardsChanged = Set(published.filter {
            (titlesChanged && before.index.item($0.id)?.versions[$0.language]?.common.title != $0.common.title)
                || before.cardSummary(of: $0) != site.renderer.cardSummary(of: $0)
        }.map(\.path))
        var jobs: [PageJob] = []
        for job in site.jobs {
            guard let used = site.uses[job], !used.isDisjoint(with: touched) else { continue }
            if SiteRenderer.isAggregate(job) {
                site.stale.insert(job)
            } else if showsBody(job, of: ownPages) || !used.isDisjoint(with: cardsChanged) {
                jobs.append(job)
            }
        }
        // The search and browse data carry every item's text but record no uses: always out of date.
        for job in site.jobs {
            switch job {
            case .searchData, .browseData: site.stale.insert(job)
            default: break
            }
        }
        site.warnings = sortedDiagnostics(site.warnings.filter { !touched.contains($0.location?.path ?? "") } + diagnostics)
        // A body that now links to an attachment nothing linked before publishes it.
        var changed = site.render(jobs)
        let linkedFiles = Set(bodies.values.flatMap(\.linkedSources).filter { !$0.hasSuffix(".md") })
        let pictures = site.renderer.index.pictures
        var newPicture = false
        for asset in site.content.assets where linkedFiles.contains("content/" + asset.contentPath) {
            if pictures.facts["content/" + asset.contentPath] != nil {
                // Published as its variants, never as the original.
                let variants = pictures.full("content/" + asset.contentPath)?.variants ?? []
                if variants.contains(where: { site.files[$0.outputPath] == nil }) { newPicture = true }
                continue
            }
            let path = asset.outputPath
            guard site.files[path] == nil else { continue }
            site.files[path] = OutputFile(path: path, contents: .copy(from: asset.sourcePath, within: asset.sourceRoot))
            changed.insert(path)
        }
        if newPicture {
            let made = PictureStep.files(site.content.assets, renderer: site.renderer, request: site.request)
            for file in made.files where site.files[file.path] == nil {
                site.files[file.path] = file
                changed.insert(file.path)
            }
        }
        return .success(Step(paths: changed, structural: false, rendered: jobs.count))
    }

    /// An item version, as page jobs name it.
    struct PageKey: Hashable {
        var id: ItemID
        var language: Language
    }

    /// Whether a job renders the body of one of the edited items: its own page, or a newsletter's e-mail.
    /// (Other pages show an item only as a card, which depends on the summary, not the body.)
    static func showsBody(_ job: PageJob, of edited: Set<PageKey>) -> Bool {
        switch job {
        case .item(let id, let language), .newsletterEmail(let id, let language, _):
            return edited.contains(PageKey(id: id, language: language))
        default:
            return false
        }
    }

    /// The slow path: re-index, reuse what can be reused, render every page again.
    static func restructure(
        _ site: inout SiteSnapshot, replaced: [String: ContentItem?], assetsChanged: Bool, warnings: [Diagnostic]
    ) -> Result<Step, BuildFailure> {
        let request = site.request
        var content = site.content
        var items = site.currentItems.filter { replaced[$0.path] == nil }
        items += replaced.values.compactMap { $0 }
        items.sort { $0.path < $1.path }
        content.items = items
        if assetsChanged {
            let (reloaded, _) = ContentLoader.load(siteDirectory: request.siteDirectory)
            content.assets = reloaded?.assets ?? content.assets
        }
        var (index, indexDiagnostics) = SiteIndexer.index(content, policy: request.policy)
        var diagnostics = warnings + indexDiagnostics
        let pictures = assetsChanged ? PictureStep.inspect(content.assets, request: request) : nil
        index.pictures = pictures.map { PictureStep.sitePictures($0, config: index.config) } ?? site.renderer.index.pictures

        // Bodies: render again those that changed, failed before, or link to something that moved.
        let oldURLs = site.renderer.index.urlBySourcePath
        var moved = Set(replaced.keys)
        for (path, url) in index.urlBySourcePath where oldURLs[path] != url { moved.insert(path) }
        for path in oldURLs.keys where index.urlBySourcePath[path] == nil { moved.insert(path) }
        if assetsChanged { moved.formUnion(content.assets.map { "content/" + $0.contentPath }) }
        var fresh = SiteRenderer(index: index, templates: site.templates, bodies: [:], assets: content.assets)
        fresh.forMailing = request.emailForMailing
        var bodies: [String: RenderedMarkdown] = [:]
        var toRender: [ContentItem] = []
        for item in index.items.flatMap({ Array($0.versions.values) }) {
            if let old = site.renderer.bodies[item.path], !moved.contains(item.path), old.linkedSources.isDisjoint(with: moved),
               !old.diagnostics.contains(where: \.isError) {
                bodies[item.path] = old
            } else {
                toRender.append(item)
            }
        }
        for (item, body) in zip(toRender, parallelMap(toRender) { [fresh] in fresh.renderBody($0) }) { bodies[item.path] = body }
        for body in bodies.values { diagnostics += body.diagnostics }
        if let pictures { diagnostics += PictureStep.check(pictures, renderer: fresh.replacingBodies(bodies)) }
        if diagnostics.contains(where: \.isError) {
            return .failure(BuildFailure(diagnostics: sortedDiagnostics(diagnostics)))
        }
        site.content = content
        site.editedItems = [:]
        site.renderer = fresh.replacingBodies(bodies)
        let previous = site.files
        site.files = LayeredDictionary()
        site.jobPath = LayeredDictionary()
        site.jobByPath = LayeredDictionary()
        site.uses = LayeredDictionary()
        site.stale = []
        let copied = SiteBuilder.copiedFiles(site.theme, content, renderer: site.renderer, request: request)
        for file in copied.files { site.files[file.path] = file }
        diagnostics += copied.diagnostics
        site.jobs = site.renderer.jobs()
        _ = site.render(site.jobs)
        site.warnings = sortedDiagnostics(diagnostics)
        let changed = Set(site.files.keys.filter { previous[$0] != site.files[$0] })
            .union(previous.keys.filter { site.files[$0] == nil })
        return .success(Step(paths: changed, structural: true, rendered: site.jobs.count))
    }

    // MARK: - Templates

    static func updateTemplates(_ site: inout SiteSnapshot, names: Set<String>) -> Result<Step, BuildFailure> {
        let request = site.request
        let (theme, themeDiagnostics) = ThemeLoader.load(
            themeDirectory: request.themeDirectory,
            displayPath: SiteBuilder.displayPath(request.themeDirectory, in: request.siteDirectory))
        guard let theme else { return .failure(BuildFailure(diagnostics: sortedDiagnostics(themeDiagnostics))) }
        let (templates, templateDiagnostics) = TemplateSet.compile(theme, specializing: request.specializesTemplates)
        guard let templates else {
            return .failure(BuildFailure(diagnostics: sortedDiagnostics(themeDiagnostics + templateDiagnostics)))
        }
        site.theme = theme
        site.templates = templates
        site.renderer = site.renderer.replacing(templates: templates)
        let pageTemplates = Set(TemplateSet.requiredTemplates)
        let everyPage = !names.isSubset(of: pageTemplates)
        let jobs = site.jobs.filter { job in
            guard let name = site.renderer.templateName(for: job) else { return false }
            return everyPage || names.contains(name)
        }
        return .success(Step(paths: site.render(jobs), structural: false, rendered: jobs.count))
    }
}
