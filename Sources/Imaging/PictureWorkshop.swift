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
            return self.produce(needed[source] ?? [], of: asset, hash: catalog.hashes[source])
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
    func produce(
        _ variants: Set<PictureVariant>, of asset: ContentAsset, hash known: String?
    ) -> (files: [String: String], failure: String?, encoded: Int) {
        // With the hash known (the catalog read the file, or found it unchanged), a picture whose
        // variants are all in the cache is not read at all.
        var bytes: Data?
        func read() -> Data? {
            if bytes == nil, case .success(let read) = ConfinedPath.contents(of: asset.sourcePath, within: asset.sourceRoot) {
                bytes = Data(read)
            }
            return bytes
        }
        guard let hash = known ?? read().map(Self.hash(of:)) else { return ([:], "the picture cannot be read", 0) }
        let folder = folder(hash: hash)
        var files: [String: String] = [:]
        var missing: [PictureVariant] = []
        for variant in variants {
            let file = folder + "/" + Self.cacheName(of: variant)
            files[variant.outputPath] = file
            if !FileManager.default.fileExists(atPath: file) { missing.append(variant) }
        }
        guard !missing.isEmpty else { return (files, nil, 0) }
        guard let bytes = read() else { return ([:], "the picture cannot be read", 0) }
        // Changed since the catalog read it: the variants go where the new bytes belong.
        if Self.hash(of: bytes) != hash { return produce(variants, of: asset, hash: Self.hash(of: bytes)) }
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

    /// The hash that names a picture's folder in the cache.
    public static func hash(of bytes: Data) -> String { bytes.withUnsafeBytes { ContentHash($0).description } }

    func folder(hash: String) -> String { cacheDirectory + "/" + Self.layout + "/" + hash }

    /// The facts of a picture whose header was read before (`facts` in its folder): `width height format
    /// alpha`. Only for a file named as its format is: a renamed file is read again and its name checked.
    func cachedFacts(hash: String, named contentPath: String) -> PictureFacts? {
        guard let text = try? String(contentsOfFile: folder(hash: hash) + "/facts", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count == 4, let width = Int(fields[0]), let height = Int(fields[1]),
              let format = PictureFormat(rawValue: String(fields[2])),
              PictureFormat(fileExtension: (contentPath as NSString).pathExtension) == format
        else { return nil }
        return PictureFacts(width: width, height: height, format: format, hasAlpha: fields[3].hasPrefix("1"))
    }

    /// Keeps a picture's facts beside its variants (best effort: without them the header is read again).
    func keep(_ facts: PictureFacts, hash: String) {
        write("\(facts.width) \(facts.height) \(facts.format.rawValue) \(facts.hasAlpha ? 1 : 0)\n", to: folder(hash: hash) + "/facts")
    }

    /// What identifies a file's version without reading it: size, modification and change times, inode.
    static func stamp(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec) \(info.st_ino)"
    }

    /// The pictures the last build read: content path → (stamp, hash), from `v1/sources`.
    func sourceIndex() -> [String: (stamp: String, hash: String)] {
        guard let text = try? String(contentsOfFile: cacheDirectory + "/" + Self.layout + "/sources", encoding: .utf8) else { return [:] }
        var index: [String: (stamp: String, hash: String)] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 2)
            guard fields.count == 3 else { continue }
            index[String(fields[2])] = (String(fields[0]), String(fields[1]))
        }
        return index
    }

    func keepSourceIndex(_ index: [String: (stamp: String, hash: String)]) {
        let text = index.keys.sorted().map { "\(index[$0]!.stamp)\t\(index[$0]!.hash)\t\($0)\n" }.joined()
        write(text, to: cacheDirectory + "/" + Self.layout + "/sources")
    }

    /// Writes `text` to `file` whole or not at all (a temporary file renamed over it), best effort.
    private func write(_ text: String, to file: String) {
        let folder = (file as NSString).deletingLastPathComponent
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return }
        let temporary = file + ".\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else { return }
        if rename(temporary, file) != 0 { unlink(temporary) }
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
