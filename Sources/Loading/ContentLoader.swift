import Foundation
import Model

/// The only reader of `content/`: walks the type folders, reads every file in parallel and decodes it.
/// Problems are collected across all files; nothing stops at the first one.
public enum ContentLoader {
    static let settingsFiles: Set<String> = ["site.yml", "regions.yml", "themes.yml", "tags.yml"]
    /// The folder for the files of the site's face that `site.yml` names (`logo`, `favicon`, `partners`).
    public static let brandFolder = "brand"

    /// Loads the site under `siteDirectory` (the folder that holds `content/`).
    public static func load(siteDirectory: URL) -> (SiteContent?, [Diagnostic]) {
        let contentDirectory = siteDirectory.appendingPathComponent("content")
        var diagnostics: [Diagnostic] = []
        guard FileManager.default.fileExists(atPath: contentDirectory.path) else {
            return (nil, [.error(
                SourceLocation(path: "content"), "there is no content folder here",
                hint: "run the command in the site folder, or give --root DIR")])
        }
        let contentRoot: String
        switch confinedContentRoot(siteDirectory: siteDirectory) {
        case .success(let root): contentRoot = root
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let contentFolder = URL(fileURLWithPath: contentRoot, isDirectory: true)
        let (config, configDiagnostics) = SettingsLoader.loadConfig(
            file: contentFolder.appendingPathComponent("site.yml"), displayPath: "content/site.yml", within: contentRoot)
        let (regions, regionDiagnostics) = SettingsLoader.loadVocabulary(
            file: contentFolder.appendingPathComponent("regions.yml"), displayPath: "content/regions.yml", within: contentRoot)
        let (themes, themeDiagnostics) = SettingsLoader.loadVocabulary(
            file: contentFolder.appendingPathComponent("themes.yml"), displayPath: "content/themes.yml", within: contentRoot)
        let (tagPairs, tagDiagnostics) = SettingsLoader.loadTagPairs(
            file: contentFolder.appendingPathComponent("tags.yml"), displayPath: "content/tags.yml", within: contentRoot)
        diagnostics += configDiagnostics + regionDiagnostics + themeDiagnostics + tagDiagnostics

        let (sources, assets, walkDiagnostics) = ContentWalker.walk(contentRoot: contentRoot)
        diagnostics += walkDiagnostics

        let decoder = ItemDecoder(
            regions: regions, themes: themes, attachmentPaths: Set(assets.map { "content/" + $0.contentPath }))
        let results = parallelMap(sources) { source in
            loadItem(source, within: contentRoot, decoder: decoder)
        }
        var items: [ContentItem] = []
        items.reserveCapacity(results.count)
        for (item, itemDiagnostics) in results {
            if let item { items.append(item) }
            diagnostics += itemDiagnostics
        }
        guard let config else { return (nil, diagnostics) }
        let content = SiteContent(
            config: config, regions: regions, themes: themes, items: items, assets: assets, tagPairs: tagPairs)
        return (content, diagnostics)
    }

    /// The real path of `content/`, resolved once: every content file is read within it (`ConfinedPath`).
    /// A content folder that is a link to a place outside the site folder is refused.
    static func confinedContentRoot(siteDirectory: URL) -> Result<String, Diagnostic> {
        let location = SourceLocation(path: "content")
        guard let siteRoot = ConfinedPath.realFolder(siteDirectory.path),
              let contentRoot = ConfinedPath.realFolder(siteDirectory.appendingPathComponent("content").path)
        else {
            return .failure(.error(location, "there is no content folder here", hint: "run the command in the site folder, or give --root DIR"))
        }
        guard contentRoot.hasPrefix(siteRoot + "/") else {
            return .failure(.error(
                location, "the content folder is a symbolic link to outside the site folder (to \(contentRoot))",
                hint: "move the content folder into the site folder, or run the command in the folder that holds it"))
        }
        return .success(contentRoot)
    }

    /// Reads one content file again (for the preview server). `path` is as diagnostics print it,
    /// `content/articles/x.fi.md`. Returns nil and no diagnostics when the file no longer exists.
    public static func reload(
        path: String, siteDirectory: URL, regions: Vocabulary, themes: Vocabulary, assets: [ContentAsset]
    ) -> (ContentItem?, [Diagnostic]) {
        guard case .success(let contentRoot) = confinedContentRoot(siteDirectory: siteDirectory) else { return (nil, []) }
        let url = URL(fileURLWithPath: contentRoot).deletingLastPathComponent().appendingPathComponent(path)
        let parts = path.split(separator: "/")
        guard parts.count == 3, parts[0] == "content", let type = ContentType(folder: String(parts[1])) else {
            return (nil, [.error(SourceLocation(path: path), "not a content file")])
        }
        let exists = (try? FileManager.default.attributesOfItem(atPath: url.path)) != nil
        guard exists else { return (nil, []) }
        if let problem = ContentWalker.symlinkProblem(url, contentRoot: contentRoot) {
            return (nil, [.error(SourceLocation(path: path), problem.message, hint: problem.hint)])
        }
        guard let (name, language) = ContentPath.nameAndLanguage(ofFile: parts[2]) else {
            return (nil, [.error(SourceLocation(path: path), ContentWalker.fileNameMessage)])
        }
        let source = ContentWalker.SourceFile(
            filePath: url.path, displayPath: path, id: ItemID(type: type, name: name), language: language)
        let decoder = ItemDecoder(
            regions: regions, themes: themes, attachmentPaths: Set(assets.map { "content/" + $0.contentPath }))
        return loadItem(source, within: contentRoot, decoder: decoder)
    }

    private static func loadItem(
        _ source: ContentWalker.SourceFile, within contentRoot: String, decoder: ItemDecoder
    ) -> (ContentItem?, [Diagnostic]) {
        let text: String
        switch FileReading.text(atPath: source.filePath, displayPath: source.displayPath, within: contentRoot) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        return decodeItem(text, id: source.id, language: source.language, path: source.displayPath, decoder: decoder)
    }

    /// A content file's text to an item: front matter split from the body, both sanitised, the fields
    /// decoded. No I/O (the fuzz target `fuzz-item` drives it with arbitrary text).
    package static func decodeItem(
        _ text: String, id: ItemID, language: Language, path: String, decoder: ItemDecoder
    ) -> (ContentItem?, [Diagnostic]) {
        switch FrontMatter.split(text, path: path) {
        case .failure(let diagnostic):
            return (nil, [diagnostic])
        case .success(var frontMatter):
            let (yaml, yamlWarnings) = TextSanitizer.clean(
                frontMatter.yaml, path: path, firstLine: frontMatter.yamlLine, verticalTab: .space)
            let (body, bodyWarnings) = TextSanitizer.clean(
                frontMatter.body, path: path, firstLine: frontMatter.bodyLine, verticalTab: .keep)
            frontMatter.yaml = yaml
            frontMatter.body = body
            let (item, diagnostics) = decoder.decode(id: id, language: language, path: path, frontMatter: frontMatter)
            return (item, yamlWarnings + bodyWarnings + diagnostics)
        }
    }
}
