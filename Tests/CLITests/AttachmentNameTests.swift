import Foundation
import TestSupport
import Testing

/// Attachment names with characters that mean something in a URL (`#`, `?`, `%`, spaces, ä) are
/// published under their own names and linked percent-encoded; `check` reads links as a browser does.
@Suite struct AttachmentNameTests {
    let cli = CommandLineTests()
    static let names = ["kuva#1.png", "a?b.pdf", "100%.pdf", "ohje ja liite.pdf", "kävijät.pdf"]
    /// The picture is published as its variants (`kuva#1.4.png`), under its own name too.
    static let published = ["kuva#1.4.png", "kuva#1.4.webp", "a?b.pdf", "100%.pdf", "ohje ja liite.pdf", "kävijät.pdf"]
    static let encoded = ["kuva%231.4.png", "a%3Fb.pdf", "100%25.pdf", "ohje%20ja%20liite.pdf", "k%C3%A4vij%C3%A4t.pdf"]

    func site() throws -> TemporarySite {
        let site = try TemporarySite.copyOfFixture("minimal")
        var body = ""
        for name in Self.names {
            if name.hasSuffix(".png") {
                try site.write("content/articles/\(name)", TestPictures.png)
            } else {
                try site.write("content/articles/\(name)", "tiedosto \(name)")
            }
            let link = name.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "#", with: "%23")
                .replacingOccurrences(of: "?", with: "%3F").replacingOccurrences(of: " ", with: "%20")
            body += name.hasSuffix(".png") ? "![Kuva](\(link))\n\n" : "[Liite](\(link))\n\n"
        }
        try site.write("content/articles/2026-01-05-liitteet.fi.md", "---\ntitle: Liitteet\ndate: 2026-01-05\n---\n\(body)")
        return site
    }

    @Test func publishesAttachmentsUnderTheirNamesAndLinksThemEncoded() throws {
        let site = try site()
        defer { site.remove() }
        let check = try cli.run(["check", "--now", CommandLineTests.now], in: site.root)
        #expect(check.status == 0, "\(check.stderr)")
        let build = try cli.run(["build", "--now", CommandLineTests.now], in: site.root)
        #expect(build.status == 0, "\(build.stderr)")
        for name in Self.published {
            #expect(FileManager.default.fileExists(atPath: site.url("output/media/articles/\(name)").path), "\(name)")
        }
        let pages = readTree(site.url("output")).filter { $0.key.hasPrefix("fi/artikkelit/") && $0.key.hasSuffix("index.html") }
        let page = pages.values.map { String(decoding: $0, as: UTF8.self) }.first { $0.contains("/media/articles/") } ?? ""
        for url in Self.encoded {
            #expect(page.contains("\"/media/articles/\(url)\"") || page.contains("\"/media/articles/\(url) 4w\""), "\(url) in \(page.prefix(200))")
        }
    }

    @Test func aFileNameWithABackslashIsAnErrorAtTheFile() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        try site.write("content/articles/foo\\bar.pdf", "x")
        for command in ["check", "build"] {
            let result = try cli.run([command, "--now", CommandLineTests.now], in: site.root)
            #expect(result.status == 1, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("content/articles/foo\\bar.pdf: error: the file name has a backslash"), "\(result.stderr)")
        }
    }
}
