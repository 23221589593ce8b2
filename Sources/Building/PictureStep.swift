import Foundation
import Imaging
import Indexing
import Model
import Rendering
import Writing

/// The picture pipeline's part of a build: headers read before bodies are rendered (pages name the
/// variants), checks of every picture a published page shows, and the variant files made through the
/// cache after rendering. Originals are never published: their metadata (a camera's GPS position)
/// would go with them.
enum PictureStep {
    /// Reads the header of every picture beside the content (of those seen before, from the cache).
    /// No cache at all when it leads out of the site folder (`files` then reports it).
    static func inspect(_ assets: [ContentAsset], request: BuildRequest) -> PictureCatalog {
        let workshop = PictureWorkshop(cacheDirectory: request.pictureCacheDirectory.path)
        let usable = assets.isEmpty ? nil : workshop.problem(within: request.siteDirectory.path) == nil ? workshop : nil
        return PictureCatalog.inspect(assets, cache: usable)
    }

    /// The pictures pages name, with the variants the site's settings ask for.
    static func sitePictures(_ catalog: PictureCatalog, config: SiteConfig) -> SitePictures {
        SitePictures(
            facts: catalog.facts, planner: PicturePlanner(modernFormats: config.pictureFormats),
            sourceHashes: catalog.hashes)
    }

    /// Every picture a published page shows, where it is named: lead pictures and those in bodies.
    static func uses(_ renderer: SiteRenderer) -> [PictureUse] {
        var uses: [PictureUse] = []
        let config = renderer.index.config
        if let image = config.shareImage, let location = config.shareImageLocation {
            uses.append(PictureUse(target: image, location: location))
        }
        for item in renderer.index.items {
            for version in Language.allCases.compactMap({ item.versions[$0] }) {
                if let path = version.common.imagePath, let location = version.common.imageLocation {
                    uses.append(PictureUse(target: path, location: location))
                }
                uses += renderer.bodies[version.path]?.pictureUses ?? []
            }
        }
        return uses
    }

    /// Errors for the pictures published pages show that the pipeline cannot take.
    static func check(_ catalog: PictureCatalog, renderer: SiteRenderer) -> [Diagnostic] {
        var diagnostics = catalog.check(uses(renderer))
        let config = renderer.index.config
        if let image = config.shareImage, let location = config.shareImageLocation, catalog.entries[image] == nil {
            diagnostics.append(.error(
                location, "'share_image' names \(image), which is missing or not a picture in a content folder",
                hint: "save a JPEG or PNG beside the pages (content/pages/) and name it, e.g. share_image: pages/jakokuva.jpg"))
        }
        if !catalog.entries.isEmpty {
            for format in config.pictureFormats where !PictureCodec.canWrite(format) {
                diagnostics.append(.error(
                    config.pictureFormatsLocation ?? SourceLocation(path: "content/site.yml", line: 1, column: 1),
                    "this libvips cannot write \(format.displayName) pictures, which 'picture_formats' offers"
                        + (config.pictureFormatsLocation == nil ? " by default" : ""),
                    hint: format == .avif
                        ? "install libheif's AV1 encoder (Debian: libheif1 with libaom3, as `make deps` does), or write picture_formats: [webp]"
                        : "install libvips with WebP (Debian: libvips42), or leave webp out of picture_formats"))
            }
        }
        return diagnostics
    }

    /// Every variant a published page names, by picture: each item's lead, card and share pictures,
    /// and whole pictures for those in bodies and for links to picture files.
    static func neededVariants(_ renderer: SiteRenderer) -> [String: Set<PictureVariant>] {
        let pictures = renderer.index.pictures
        var needed: [String: Set<PictureVariant>] = [:]
        func add(_ source: String, _ variants: [PictureVariant]) { needed[source, default: []].formUnion(variants) }
        if let image = renderer.index.config.shareImage, let share = pictures.share(image, focus: .center) {
            add(image, [share])
        }
        for item in renderer.index.items {
            for version in item.versions.values {
                for (source, variants) in pictures.variants(of: version) { add(source, variants) }
                if version.type == .newsletter {
                    for use in renderer.bodies[version.path]?.pictureUses ?? [] {
                        if let email = pictures.email(use.target) { add(use.target, [email]) }
                    }
                }
                var linked = Set(version.common.attachments)
                if let body = renderer.bodies[version.path] { linked.formUnion(body.linkedSources) }
                for source in linked where pictures.facts[source] != nil {
                    add(source, pictures.full(source)?.variants ?? [])
                }
            }
        }
        return needed
    }

    /// The variant files, ready to copy into the output, made through the request's cache; errors,
    /// where each picture is named, for those that could not be decoded.
    static func files(
        _ assets: [ContentAsset], renderer: SiteRenderer, request: BuildRequest
    ) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        let cacheDirectory = request.pictureCacheDirectory.path
        let siteFolder = request.siteDirectory.path
        let needed = neededVariants(renderer)
        guard !needed.isEmpty else { return ([], []) }
        var byPath: [String: ContentAsset] = [:]
        for asset in assets { byPath["content/" + asset.contentPath] = asset }
        let catalog = PictureCatalog(
            entries: renderer.index.pictures.facts.mapValues { .picture($0) }, assets: byPath,
            hashes: renderer.index.pictures.sourceHashes)
        let workshop = PictureWorkshop(cacheDirectory: cacheDirectory)
        if let problem = workshop.problem(within: siteFolder) {
            return ([], [.error(SourceLocation(path: ".cache/pictures"), problem, hint: "remove .cache (the next build makes it again)")])
        }
        let products = workshop.produce(needed, catalog: catalog)
        var diagnostics: [Diagnostic] = []
        if !products.failures.isEmpty {
            var entries: [String: PictureCatalog.Entry] = [:]
            for (source, message) in products.failures {
                entries[source] = .problem(
                    "\((source as NSString).lastPathComponent): \(message)",
                    hint: "open it in an image editor and save it again as JPEG or PNG")
            }
            diagnostics = PictureCatalog(entries: entries).check(uses(renderer))
        }
        let files = products.files.keys.sorted().map { path in
            OutputFile(path: path, contents: .copy(from: products.files[path]!, within: cacheDirectory))
        }
        return (files, diagnostics)
    }
}
