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

        let decoder = ItemDecoder(regions: regions, themes: themes)
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

    private static func loadItem(_ source: ContentWalker.SourceFile, decoder: ItemDecoder) -> (ContentItem?, [Diagnostic]) {
        let text: String
        switch FileReading.text(of: source.url, displayPath: source.displayPath) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        switch FrontMatter.split(text, path: source.displayPath) {
        case .failure(let diagnostic):
            return (nil, [diagnostic])
        case .success(let frontMatter):
            return decoder.decode(
                id: source.id, language: source.language, path: source.displayPath, frontMatter: frontMatter)
        }
    }
}
