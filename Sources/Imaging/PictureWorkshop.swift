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
        let folder = cacheDirectory + "/" + Self.layout + "/" + bytes.withUnsafeBytes { ContentHash($0).description }
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
                    let temporary = file + ".\(getpid()).tmp"
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
