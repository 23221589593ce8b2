import Foundation
import Model

/// The only reader of `content/`: walks the type folders, reads every file in parallel and decodes it.
/// Problems are collected across all files; nothing stops at the first one.
public enum ContentLoader {
    static let settingsFiles: Set<String> = ["site.yml", "regions.yml", "themes.yml", "tags.yml"]

    /// Loads the site under `siteDirectory` (the folder that holds `content/`).
    public static func load(siteDirectory: URL) -> (SiteContent?, [Diagnostic]) {
        let contentDirectory = siteDirectory.appendingPathComponent("content")
        var diagnostics: [Diagnostic] = []
        guard FileManager.default.fileExists(atPath: contentDirectory.path) else {
            return (nil, [.error(
                SourceLocation(path: "content"), "there is no content folder here",
                hint: "run the command in the site folder, or give --root DIR")])
        }
        let (config, configDiagnostics) = SettingsLoader.loadConfig(
            file: contentDirectory.appendingPathComponent("site.yml"), displayPath: "content/site.yml")
        let (regions, regionDiagnostics) = SettingsLoader.loadVocabulary(
            file: contentDirectory.appendingPathComponent("regions.yml"), displayPath: "content/regions.yml")
        let (themes, themeDiagnostics) = SettingsLoader.loadVocabulary(
            file: contentDirectory.appendingPathComponent("themes.yml"), displayPath: "content/themes.yml")
        let (tagPairs, tagDiagnostics) = SettingsLoader.loadTagPairs(
            file: contentDirectory.appendingPathComponent("tags.yml"), displayPath: "content/tags.yml")
        diagnostics += configDiagnostics + regionDiagnostics + themeDiagnostics + tagDiagnostics

        let (sources, assets, walkDiagnostics) = ContentWalker.walk(contentDirectory: contentDirectory)
        diagnostics += walkDiagnostics

        let decoder = ItemDecoder(
            regions: regions, themes: themes, attachmentPaths: Set(assets.map { "content/" + $0.contentPath }))
        let results = parallelMap(sources) { source in
            loadItem(source, decoder: decoder)
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

    /// Reads one content file again (for the preview server). `path` is as diagnostics print it,
    /// `content/articles/x.fi.md`. Returns nil and no diagnostics when the file no longer exists.
    public static func reload(
        path: String, siteDirectory: URL, regions: Vocabulary, themes: Vocabulary, assets: [ContentAsset]
    ) -> (ContentItem?, [Diagnostic]) {
        let url = siteDirectory.appendingPathComponent(path)
        let parts = path.split(separator: "/")
        guard parts.count == 3, parts[0] == "content", let type = ContentType(folder: String(parts[1])) else {
            return (nil, [.error(SourceLocation(path: path), "not a content file")])
        }
        let exists = (try? FileManager.default.attributesOfItem(atPath: url.path)) != nil
        guard exists else { return (nil, []) }
        let contentRoot = siteDirectory.appendingPathComponent("content").resolvingSymlinksInPath().path
        if let problem = ContentWalker.symlinkProblem(url, contentRoot: contentRoot) {
            return (nil, [.error(SourceLocation(path: path), problem.message, hint: problem.hint)])
        }
        let name = parts[2].dropLast(3).split(separator: ".")
        guard parts[2].hasSuffix(".md"), name.count == 2, let language = Language(rawValue: String(name[1])) else {
            return (nil, [.error(SourceLocation(path: path), "a content file must be named NAME.fi.md or NAME.sv.md")])
        }
        let source = ContentWalker.SourceFile(
            filePath: url.path, displayPath: path, id: ItemID(type: type, name: String(name[0])), language: language)
        let decoder = ItemDecoder(
            regions: regions, themes: themes, attachmentPaths: Set(assets.map { "content/" + $0.contentPath }))
        return loadItem(source, decoder: decoder)
    }

    private static func loadItem(_ source: ContentWalker.SourceFile, decoder: ItemDecoder) -> (ContentItem?, [Diagnostic]) {
        let text: String
        switch FileReading.text(atPath: source.filePath, displayPath: source.displayPath) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        switch FrontMatter.split(text, path: source.displayPath) {
        case .failure(let diagnostic):
            return (nil, [diagnostic])
        case .success(var frontMatter):
            let (yaml, yamlWarnings) = TextSanitizer.clean(
                frontMatter.yaml, path: source.displayPath, firstLine: frontMatter.yamlLine, verticalTab: .space)
            let (body, bodyWarnings) = TextSanitizer.clean(
                frontMatter.body, path: source.displayPath, firstLine: frontMatter.bodyLine, verticalTab: .keep)
            frontMatter.yaml = yaml
            frontMatter.body = body
            let (item, diagnostics) = decoder.decode(
                id: source.id, language: source.language, path: source.displayPath, frontMatter: frontMatter)
            return (item, yamlWarnings + bodyWarnings + diagnostics)
        }
    }
}
