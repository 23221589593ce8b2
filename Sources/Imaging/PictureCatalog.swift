import Foundation
import Model

/// The pictures beside the content, each read as far as its header: its facts, or why the pipeline
/// cannot take it. Problems become errors only where a published page shows the picture (`check(_:)`).
public struct PictureCatalog: Sendable {
    public enum Entry: Sendable, Hashable {
        case picture(PictureFacts)
        /// What is wrong with the file, and what to do about it.
        case problem(String, hint: String)
    }

    /// Keyed by content path, `content/practices/kirjasto.jpg`.
    public private(set) var entries: [String: Entry]
    /// The files on disk, by content path, for the encoder.
    public private(set) var assets: [String: ContentAsset]
    /// Content path → the hash of the file's bytes (when read through a cache): its folder there.
    public private(set) var hashes: [String: String]

    public init(entries: [String: Entry] = [:], assets: [String: ContentAsset] = [:], hashes: [String: String] = [:]) {
        self.entries = entries
        self.assets = assets
        self.hashes = hashes
    }

    /// The facts of every picture that the pipeline takes, for pages to plan their markup.
    public var facts: [String: PictureFacts] {
        entries.compactMapValues { if case .picture(let facts) = $0 { facts } else { nil } }
    }

    /// Reads the header of every asset named like a picture (`.jpg`, `.png`, `.webp`, `.gif`, `.avif`).
    /// With a cache, the facts of a picture seen before come from it (`PictureWorkshop.cachedFacts`):
    /// a nightly build of unchanged pictures then never starts libvips.
    public static func inspect(_ assets: [ContentAsset], cache: PictureWorkshop? = nil) -> PictureCatalog {
        let pictures = assets.filter { PictureFormat(fileExtension: ($0.contentPath as NSString).pathExtension) != nil }
        // A file whose size and times are as the last build saw them has the hash it had then: an
        // unchanged picture is not even read.
        let known = cache?.sourceIndex() ?? [:]
        let results = parallelMap(pictures) { asset -> (entry: Entry, hash: String?, stamp: String?) in
            let stamp = PictureWorkshop.stamp(of: asset.sourcePath)
            if let cache, let stamp, let seen = known[asset.contentPath], seen.stamp == stamp,
               let facts = cache.cachedFacts(hash: seen.hash, named: asset.contentPath) {
                return (.picture(facts), seen.hash, stamp)
            }
            let bytes = (try? ConfinedPath.contents(of: asset.sourcePath, within: asset.sourceRoot).get()).map { Data($0) }
            guard let bytes, let cache else { return (Self.entry(for: asset, bytes: bytes), nil, nil) }
            let hash = PictureWorkshop.hash(of: bytes)
            if let facts = cache.cachedFacts(hash: hash, named: asset.contentPath) { return (.picture(facts), hash, stamp) }
            let entry = Self.entry(for: asset, bytes: bytes)
            if case .picture(let facts) = entry { cache.keep(facts, hash: hash) }
            return (entry, hash, stamp)
        }
        var catalog = PictureCatalog()
        var index: [String: (stamp: String, hash: String)] = [:]
        for (asset, result) in zip(pictures, results) {
            let path = "content/" + asset.contentPath
            catalog.entries[path] = result.entry
            catalog.assets[path] = asset
            if let hash = result.hash {
                catalog.hashes[path] = hash
                if let stamp = result.stamp, case .picture = result.entry { index[asset.contentPath] = (stamp, hash) }
            }
        }
        if let cache, index.count != known.count || index.contains(where: { known[$0.key]?.stamp != $0.value.stamp || known[$0.key]?.hash != $0.value.hash }) {
            cache.keepSourceIndex(index)
        }
        return catalog
    }

    /// What the pipeline makes of one file's bytes.
    static func entry(for asset: ContentAsset, bytes: Data?) -> Entry {
        let name = (asset.contentPath as NSString).lastPathComponent
        guard let bytes else { return .problem("\(name) cannot be read", hint: "check that the file is readable") }
        let named = PictureFormat(fileExtension: (asset.contentPath as NSString).pathExtension)
        switch PictureCodec.inspect(bytes) {
        case .failure(.unsupported(let loader)):
            return .problem(
                "\(name) is not a picture the site can show (its bytes are \(loader.isEmpty ? "in another format" : "a \(loader) file"))",
                hint: "save it as JPEG (photos) or PNG (drawings)")
        case .failure(.unreadable(let message)):
            return .problem(
                "\(name) is not a readable picture (\(message.split(separator: "\n").first ?? "damaged or empty"))",
                hint: "open it in an image editor and save it again as JPEG or PNG")
        case .success(let facts):
            // HEIF's loader also reads HEIC, which is fine to take as AVIF: both become WebP and JPEG.
            if let named, named != facts.format, !(named == .avif && facts.format == .avif) {
                let base = (name as NSString).deletingPathExtension
                return .problem(
                    "\(name) is named as a \(named.displayName) picture but its bytes are \(facts.format.displayName)",
                    hint: "rename it \(base).\(facts.format.fileExtension), and change the name where it is used")
            }
            if facts.width * facts.height > PictureFacts.pixelLimit {
                let megapixels = Double(facts.width * facts.height) / 1_000_000
                return .problem(
                    "\(name) is \(facts.width)×\(facts.height) pixels (\(String(format: "%.0f", megapixels)) megapixels), more than the \(PictureFacts.pixelLimit / 1_000_000) megapixels a picture may have",
                    hint: "scale it down in an image editor; 3000 pixels wide is plenty for the site")
            }
            return .picture(facts)
        }
    }

    /// Errors for the pictures that pages show and the pipeline cannot take, each where it is named.
    public func check(_ uses: [PictureUse]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for use in uses {
            if case .problem(let message, let hint) = entries[use.target] {
                diagnostics.append(.error(use.location, message, hint: hint))
            }
        }
        return diagnostics
    }
}

