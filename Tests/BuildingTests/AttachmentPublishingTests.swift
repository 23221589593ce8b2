import Building
import Foundation
import Model
import TestSupport
import Testing

/// Only files that published content refers to are copied; editors' backups and stray files never are,
/// and `check` lists them.
@Suite struct AttachmentPublishingTests {
    static let stray = [
        "content/articles/2026-02-01-liitteet.fi.md~", "content/articles/#2026-02-01-liitteet.fi.md#",
        "content/articles/2026-02-01-liitteet.fi.md.orig", "content/articles/2026-02-01-liitteet.fi.md.swp",
        "content/articles/credentials.txt", "content/events/vanha.pdf",
    ]

    static func site() throws -> TemporarySite {
        let site = try TemporarySite.copyOfFixture("minimal")
        try site.write("content/articles/2026-02-01-liitteet.fi.md", """
            ---
            title: Liitteet
            date: 2026-02-01
            image: kuvat/kansi.jpg
            image_alt: Kansikuva
            ---
            Lue [raportti](raportti.pdf) ja katso ![kaavio](kuvat/kaavio.png).
            """)
        try site.write("content/events/2026-12-01-webinaari.fi.md", """
            ---
            title: Webinaari
            date: 2026-02-01
            event_type: webinar
            start: 2026-12-01T10:00
            online: https://example.fi/w
            materials:
              - title: Diat
                url: diat.pdf
            ---
            """)
        for file in ["content/articles/raportti.pdf", "content/events/diat.pdf"] + stray {
            try site.write(file, "tiedosto")
        }
        try site.write("content/articles/kuvat/kansi.jpg", TestPictures.jpeg)
        try site.write("content/articles/kuvat/kaavio.png", TestPictures.png)
        return site
    }

    @Test func copiesOnlyWhatContentRefersTo() throws {
        let site = try Self.site()
        defer { site.remove() }
        try SiteBuilder.build(fixtureRequest(site))
        let media = Set(readTree(site.url("output")).keys.filter { $0.hasPrefix("media/") })
        // Pictures as their variants (4×3 pixels: never scaled up), never as the original files.
        #expect(media == [
            "media/articles/raportti.pdf", "media/events/diat.pdf",
            "media/articles/kuvat/kansi.4.avif", "media/articles/kuvat/kansi.4.webp", "media/articles/kuvat/kansi.4.jpg",
            "media/articles/kuvat/kansi.card-center.4x2.avif", "media/articles/kuvat/kansi.card-center.4x2.webp",
            "media/articles/kuvat/kansi.card-center.4x2.jpg", "media/articles/kuvat/kansi.share-center.4x2.jpg",
            "media/articles/kuvat/kaavio.4.avif", "media/articles/kuvat/kaavio.4.webp", "media/articles/kuvat/kaavio.4.png",
        ])
        let event = try String(contentsOf: site.url("output/fi/tapahtumat/webinaari/index.html"), encoding: .utf8)
        #expect(event.contains("href=\"/media/events/diat.pdf\""))
    }

    @Test func checkListsTheFilesNothingRefersTo() throws {
        let site = try Self.site()
        defer { site.remove() }
        let warnings = try SiteBuilder.check(fixtureRequest(site)).get().warnings
        let unreferenced = warnings.filter { $0.message.contains("no published content refers to this file") }
        #expect(Set(unreferenced.compactMap(\.location?.path)) == Set(Self.stray), "\(warnings)")
    }
}
