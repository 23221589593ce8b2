import Indexing
import Model
import Rendering

/// Which files beside the content are published: only those a published item refers to, through a
/// Markdown link or image in its body or a front matter field (`image`, a relative link). Anything else
/// under a type folder — an editor's backup (`x.fi.md~`, `#x.fi.md#`, `.swp`, `.orig`), a stray
/// `credentials.txt` — stays unpublished, and `check` lists it.
enum PublishedAttachments {
    /// The content paths (`content/articles/kuva.jpg`) that published items refer to.
    static func referenced(by renderer: SiteRenderer) -> Set<String> {
        var paths: Set<String> = []
        for item in renderer.index.items {
            for version in item.versions.values {
                paths.formUnion(version.common.attachments)
                if let body = renderer.bodies[version.path] { paths.formUnion(body.linkedSources) }
            }
        }
        return paths
    }

    /// The attachments to copy, in their order; pictures the pipeline takes are published as their
    /// variants instead (`PictureStep`).
    static func published(_ assets: [ContentAsset], renderer: SiteRenderer) -> [ContentAsset] {
        let referenced = referenced(by: renderer)
        let pictures = renderer.index.pictures.facts
        return assets.filter {
            referenced.contains("content/" + $0.contentPath) && pictures["content/" + $0.contentPath] == nil
        }
    }

    /// A warning for each attachment no published item refers to, for `check`.
    static func unreferencedWarnings(_ assets: [ContentAsset], renderer: SiteRenderer) -> [Diagnostic] {
        var referenced = referenced(by: renderer)
        referenced.formUnion(renderer.index.config.siteFiles.map { "content/" + $0.contentPath })
        return assets.filter { !referenced.contains("content/" + $0.contentPath) }.map { asset in
            .warning(
                SourceLocation(path: "content/" + asset.contentPath),
                "no published content refers to this file, so it is not published",
                hint: "link to it from a content file ([text](\(asset.contentPath.split(separator: "/").last ?? "")) or image:), or remove it")
        }
    }
}
