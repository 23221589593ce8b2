import Foundation
@testable import Imaging
import Model
import TestSupport
import Testing

@Suite struct PictureWorkshopTests {
    @Test func variantsAreMadeOnceAndTakenFromTheCacheAfter() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workshop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let picture = folder.appendingPathComponent("kuva.jpg")
        try FileManager.default.copyItem(at: PictureCodecTests.rotated, to: picture)
        let asset = ContentAsset(contentPath: "kuva.jpg", sourcePath: picture.path, sourceRoot: folder.path)
        let catalog = PictureCatalog.inspect([asset])
        let facts = try #require(catalog.facts["content/kuva.jpg"])
        let planner = PicturePlanner()
        let variants = planner.full("content/kuva.jpg", facts).variants + planner.card("content/kuva.jpg", facts, focus: .center).variants
        let workshop = PictureWorkshop(cacheDirectory: folder.appendingPathComponent("cache").path)

        let first = workshop.produce(["content/kuva.jpg": Set(variants)], catalog: catalog)
        #expect(first.failures.isEmpty)
        #expect(first.encoded == Set(variants).count)
        #expect(Set(first.files.keys) == Set(variants.map(\.outputPath)))
        for file in first.files.values { #expect(FileManager.default.fileExists(atPath: file)) }

        let second = workshop.produce(["content/kuva.jpg": Set(variants)], catalog: catalog)
        #expect(second.encoded == 0)
        #expect(second.files == first.files)

        // New bytes are a new picture: encoded again, into other files.
        let upright = try PictureCodec.encode(
            Data(contentsOf: picture), size: [PictureVariant(outputPath: "x.jpg", width: 40, height: 60, format: .jpeg)]).get()[0]
        try upright.write(to: picture)
        let third = workshop.produce(["content/kuva.jpg": Set(variants)], catalog: catalog)
        #expect(third.failures.isEmpty)
        #expect(third.encoded == Set(variants).count)
        #expect(Set(third.files.values).isDisjoint(with: Set(first.files.values)))
    }

    @Test func problemsWithThePicturesFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func entry(_ name: String, _ bytes: Data) throws -> PictureCatalog.Entry? {
            let file = folder.appendingPathComponent(name)
            try bytes.write(to: file)
            return PictureCatalog.inspect([ContentAsset(contentPath: name, sourcePath: file.path, sourceRoot: folder.path)])
                .entries["content/" + name]
        }
        let jpeg = try Data(contentsOf: PictureCodecTests.rotated)
        guard case .picture(let facts)? = try entry("oikea.jpg", jpeg) else { Issue.record("a JPEG refused"); return }
        #expect(facts.format == .jpeg)
        guard case .problem(let named, let hint)? = try entry("vaara.png", jpeg) else { Issue.record("JPEG bytes taken as PNG"); return }
        #expect(named.contains("named as a PNG picture but its bytes are JPEG"))
        #expect(hint.contains("vaara.jpg"))
        guard case .problem(let text, _)? = try entry("muistio.jpg", Data("muistio".utf8)) else { Issue.record("text taken"); return }
        #expect(text.contains("not a readable picture"))
    }
}

@Suite struct PictureFactsCacheTests {
    @Test func factsSeenBeforeComeFromTheCacheAndARenamedFileIsCheckedAgain() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("facts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let jpeg = try Data(contentsOf: PictureCodecTests.rotated)
        let workshop = PictureWorkshop(cacheDirectory: folder.appendingPathComponent("cache").path)
        func inspect(_ name: String) throws -> PictureCatalog.Entry? {
            let file = folder.appendingPathComponent(name)
            try jpeg.write(to: file)
            return PictureCatalog.inspect([ContentAsset(contentPath: name, sourcePath: file.path, sourceRoot: folder.path)], cache: workshop)
                .entries["content/" + name]
        }
        #expect(workshop.cachedFacts(hash: PictureWorkshop.hash(of: jpeg), named: "kuva.jpg") == nil)
        #expect(try inspect("kuva.jpg") == .picture(PictureFacts(width: 40, height: 60, format: .jpeg)))
        #expect(workshop.cachedFacts(hash: PictureWorkshop.hash(of: jpeg), named: "kuva.jpg") == PictureFacts(width: 40, height: 60, format: .jpeg))
        #expect(try inspect("kuva.jpg") == .picture(PictureFacts(width: 40, height: 60, format: .jpeg)))
        // The same bytes under a name that lies about them: not taken from the cache, refused.
        guard case .problem(let message, _)? = try inspect("kuva.png") else { Issue.record("a JPEG named .png passed"); return }
        #expect(message.contains("named as a PNG picture"))
    }
}
