import Building
import Foundation
import Model
import TestSupport
import Testing

/// The picture pipeline inside a build: variants from the cache, never an original, and a cache that
/// cannot be turned into a way out of the site folder.
@Suite struct PictureBuildTests {
    static func site() throws -> TemporarySite {
        let site = try TemporarySite.copyOfFixture("minimal")
        try site.write("content/articles/2026-02-01-kuva.fi.md", """
            ---
            title: Kuva
            date: 2026-02-01
            image: kuva.jpg
            image_alt: Harmaa kuva
            ---
            Teksti.
            """)
        try site.write("content/articles/kuva.jpg", TestPictures.jpeg)
        return site
    }

    @Test func anUnchangedPictureIsTakenFromTheCacheAndAChangedFocusMakesNewCards() throws {
        let site = try Self.site()
        defer { site.remove() }
        try SiteBuilder.build(fixtureRequest(site))
        let cache = site.url(".cache/pictures")
        func cached() throws -> [String: Date] {
            var files: [String: Date] = [:]
            for path in try FileManager.default.subpathsOfDirectory(atPath: cache.path) {
                let attributes = try FileManager.default.attributesOfItem(atPath: cache.appendingPathComponent(path).path)
                if (attributes[FileAttributeKey.type] as? FileAttributeType) == FileAttributeType.typeRegular {
                    files[path] = attributes[FileAttributeKey.modificationDate] as? Date
                }
            }
            return files
        }
        let first = try cached()
        #expect(first.keys.contains { $0.hasSuffix("-whole-q80.webp") })
        #expect(first.keys.contains { $0.hasSuffix("/facts") })
        try SiteBuilder.build(fixtureRequest(site))
        #expect(try cached() == first, "a rebuild wrote to the cache")

        let media = { Set(readTree(site.url("output")).keys.filter { $0.hasPrefix("media/") }) }
        #expect(media().contains("media/articles/kuva.card-center.4x2.webp"))
        #expect(!media().contains("media/articles/kuva.jpg"))
        try site.write("content/articles/2026-02-01-kuva.fi.md", """
            ---
            title: Kuva
            date: 2026-02-01
            image: kuva.jpg
            image_alt: Harmaa kuva
            image_focus: top
            ---
            Teksti.
            """)
        try SiteBuilder.build(fixtureRequest(site))
        #expect(media().contains("media/articles/kuva.card-top.4x2.webp"))
        #expect(!media().contains("media/articles/kuva.card-center.4x2.webp"))
    }

    /// AVIF first, then WebP, then the JPEG every browser shows; `picture_formats: [webp]` leaves AVIF out,
    /// and a format the pipeline does not offer is an error at its line.
    @Test func thePageOffersAVIFThenWebPThenTheOriginalFormatAsTheSettingsSay() throws {
        let site = try Self.site()
        defer { site.remove() }
        try SiteBuilder.build(fixtureRequest(site))
        let page = try String(contentsOf: site.url("output/fi/artikkelit/kuva/index.html"), encoding: .utf8)
        let types = page.ranges(of: "<source type=\"").map { page[$0.upperBound...].prefix { $0 != "\"" } }
        #expect(types.prefix(2) == ["image/avif", "image/webp"], "\(types)")
        let avif = try Data(contentsOf: site.url("output/media/articles/kuva.card-center.4x2.avif"))
        #expect(avif.count > 12 && String(decoding: avif[4..<12], as: UTF8.self) == "ftypavif")

        let settings = try String(contentsOf: site.url("content/site.yml"), encoding: .utf8)
        try site.write("content/site.yml", settings + "picture_formats: [webp]\n")
        try SiteBuilder.build(fixtureRequest(site))
        let webpOnly = try String(contentsOf: site.url("output/fi/artikkelit/kuva/index.html"), encoding: .utf8)
        #expect(!webpOnly.contains("image/avif") && webpOnly.contains("image/webp"))
        #expect(!FileManager.default.fileExists(atPath: site.url("output/media/articles/kuva.card-center.4x2.avif").path))

        try site.write("content/site.yml", settings + "picture_formats: [webp, gif, webp]\n")
        var messages: [String] = []
        do { try SiteBuilder.build(fixtureRequest(site)) } catch let failure as BuildFailure {
            messages = failure.diagnostics.map(\.description)
        }
        let line = settings.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(messages.contains { $0.hasPrefix("content/site.yml:\(line):") && $0.contains("not 'gif'") }, "\(messages)")
        #expect(messages.contains { $0.contains("names webp twice") }, "\(messages)")
    }

    @Test func aCacheThatLeadsOutOfTheSiteFolderIsRefused() throws {
        let site = try Self.site()
        defer { site.remove() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(at: site.url(".cache"), withDestinationURL: outside)
        do {
            try SiteBuilder.build(fixtureRequest(site))
            Issue.record("the build wrote through a cache that leads out of the site folder")
        } catch let failure as BuildFailure {
            #expect(failure.diagnostics.contains { $0.message.contains("leads out of the site folder") }, "\(failure.diagnostics)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }
}
