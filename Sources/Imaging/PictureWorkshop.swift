import Foundation
import Model
import Writing

/// Makes the variant files that pages name, through a cache outside `output/`: a variant is encoded
/// once per source bytes and parameters, so a nightly build encodes only new or changed pictures.
/// The cache holds `v1/<hash of the source's bytes>/<width>x<height>-<crop>-q<quality>.<format>`.
public struct PictureWorkshop: Sendable {
    /// The cache folder, inside the site folder (`.cache/pictures`).
    public let cacheDirectory: String

    public init(cacheDirectory: String) {
        self.cacheDirectory = cacheDirectory
    }

    /// The cache's layout version: bump it when an encoder setting changes the bytes.
    static let layout = "v1"

    /// What a build gets back: each variant's file in the cache, and the sources that failed.
    public struct Products: Sendable {
        /// Output path → cached file, ready to be copied into the output.
        public var files: [String: String] = [:]
        /// Content path → why its variants could not be made.
        public var failures: [String: String] = [:]
        /// How many variants were encoded now (not found in the cache).
        public var encoded = 0
    }

    /// Why the cache cannot be written, or nil: it (or a folder on the way to it) is a symbolic link
    /// that leads out of `siteFolder` — the build writes nothing outside the site folder and `output/`.
    /// Makes the cache folder when it is missing.
    public func problem(within siteFolder: String) -> String? {
        guard let site = ConfinedPath.realFolder(siteFolder) else { return "the site folder \(siteFolder) cannot be read" }
        func inside(_ path: String) -> Bool {
            guard let real = ConfinedPath.realFolder(path) else { return false }
            return real == site || real.hasPrefix(site + "/")
        }
        // The part of the path that exists must stay inside before anything is made below it.
        var existing = cacheDirectory
        while !FileManager.default.fileExists(atPath: existing), existing.count > 1 {
            existing = (existing as NSString).deletingLastPathComponent
        }
        guard inside(existing) else { return "the picture cache \(cacheDirectory) leads out of the site folder (a symbolic link)" }
        do {
            try FileManager.default.createDirectory(atPath: cacheDirectory, withIntermediateDirectories: true)
        } catch {
            return "the picture cache \(cacheDirectory) cannot be made (\(error.localizedDescription))"
        }
        guard inside(cacheDirectory) else { return "the picture cache \(cacheDirectory) leads out of the site folder (a symbolic link)" }
        return nil
    }

    /// Makes every variant in `needed` (content path → variants) that the cache lacks.
    public func produce(_ needed: [String: Set<PictureVariant>], catalog: PictureCatalog) -> Products {
        let sources = needed.keys.sorted()
        let results = parallelMap(sources) { source -> (files: [String: String], failure: String?, encoded: Int) in
            guard let asset = catalog.assets[source] else { return ([:], "the picture is not beside the content", 0) }
            return self.produce(needed[source] ?? [], of: asset)
        }
        var products = Products()
        for (source, result) in zip(sources, results) {
            products.files.merge(result.files) { first, _ in first }
            if let failure = result.failure { products.failures[source] = failure }
            products.encoded += result.encoded
        }
        return products
    }

    /// The variants of one picture: those in the cache as they are, the rest encoded, one decode per size.
    func produce(_ variants: Set<PictureVariant>, of asset: ContentAsset) -> (files: [String: String], failure: String?, encoded: Int) {
        let bytes: Data
        switch ConfinedPath.contents(of: asset.sourcePath, within: asset.sourceRoot) {
        case .success(let read): bytes = Data(read)
        case .failure: return ([:], "the picture cannot be read", 0)
        }
        let folder = folder(of: bytes)
        var files: [String: String] = [:]
        var missing: [PictureVariant] = []
        for variant in variants {
            let file = folder + "/" + Self.cacheName(of: variant)
            files[variant.outputPath] = file
            if !FileManager.default.fileExists(atPath: file) { missing.append(variant) }
        }
        guard !missing.isEmpty else { return (files, nil, 0) }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            return ([:], "the picture cache \(cacheDirectory) cannot be written (\(error.localizedDescription))", 0)
        }
        // The folders below the cache are the build's own: a symbolic link among them is refused.
        guard let real = ConfinedPath.realFolder(folder), let cache = ConfinedPath.realFolder(cacheDirectory),
              real == cache + folder.dropFirst(cacheDirectory.count)
        else { return ([:], "the picture cache has a symbolic link in it (\(folder))", 0) }
        // Variants of one size and crop share a decode; sizes in a fixed order, so runs are repeatable.
        let groups = Dictionary(grouping: missing) { SizeKey(width: $0.width, height: $0.height, crop: $0.crop) }
        for key in groups.keys.sorted() {
            let group = groups[key]!.sorted { $0.format.rawValue < $1.format.rawValue }
            switch PictureCodec.encode(bytes, size: group) {
            case .failure(.unreadable(let message)), .failure(.unsupported(let message)):
                return ([:], "the picture cannot be decoded (\(message.split(separator: "\n").first ?? ""))", 0)
            case .success(let encoded):
                for (variant, data) in zip(group, encoded) {
                    let file = folder + "/" + Self.cacheName(of: variant)
                    let temporary = file + ".\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp"
                    guard FileManager.default.createFile(atPath: temporary, contents: data),
                          rename(temporary, file) == 0
                    else {
                        unlink(temporary)
                        return ([:], "the picture cache \(cacheDirectory) cannot be written", 0)
                    }
                }
            }
        }
        return (files, nil, missing.count)
    }

    /// The folder of a source's variants: named by the hash of its bytes.
    func folder(of bytes: Data) -> String {
        cacheDirectory + "/" + Self.layout + "/" + bytes.withUnsafeBytes { ContentHash($0).description }
    }

    /// The facts of a picture whose header was read before (`facts` in its folder): `width height format
    /// alpha`. Only for a file named as its format is: a renamed file is read again and its name checked.
    func cachedFacts(of bytes: Data, named contentPath: String) -> PictureFacts? {
        guard let text = try? String(contentsOfFile: folder(of: bytes) + "/facts", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count == 4, let width = Int(fields[0]), let height = Int(fields[1]),
              let format = PictureFormat(rawValue: String(fields[2])),
              PictureFormat(fileExtension: (contentPath as NSString).pathExtension) == format
        else { return nil }
        return PictureFacts(width: width, height: height, format: format, hasAlpha: fields[3].hasPrefix("1"))
    }

    /// Keeps a picture's facts beside its variants (best effort: without them the header is read again).
    func keep(_ facts: PictureFacts, of bytes: Data) {
        let folder = folder(of: bytes)
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return }
        let temporary = folder + "/facts.\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp"
        let text = "\(facts.width) \(facts.height) \(facts.format.rawValue) \(facts.hasAlpha ? 1 : 0)\n"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else { return }
        if rename(temporary, folder + "/facts") != 0 { unlink(temporary) }
    }

    /// `960x640-top-q80.webp`: every parameter that changes the bytes, so a changed setting is a new file.
    static func cacheName(of variant: PictureVariant) -> String {
        "\(variant.width)x\(variant.height)-\(variant.crop?.rawValue ?? "whole")-q\(PictureCodec.quality(of: variant.format)).\(variant.format.fileExtension)"
    }

    struct SizeKey: Hashable, Comparable {
        var width: Int
        var height: Int
        var crop: PictureFocus?

        static func < (a: SizeKey, b: SizeKey) -> Bool {
            (a.width, a.height, a.crop?.rawValue ?? "") < (b.width, b.height, b.crop?.rawValue ?? "")
        }
    }
}
