import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Input an attacker, a careless editor or a broken disk would give, run through the real executable:
/// each must end in a located message, a non-zero exit and the previous output left as it was.
extension CommandLineTests {
    /// Builds the basic fixture once, applies `damage`, and returns the outcome of `arguments` with
    /// whether the output stayed byte for byte what the good build wrote.
    func runAfterDamage(_ arguments: [String], damage: (TemporarySite) throws -> Void) throws -> (Run, outputKept: Bool) {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        let good = try run(["build", "--now", Self.now, "--quiet"], in: site.root)
        #expect(good.status == 0, "\(good.stderr)")
        let before = readTree(site.url("output"))
        try damage(site)
        let result = try run(arguments, in: site.root)
        return (result, readTree(site.url("output")) == before)
    }

    @Test(arguments: ["check", "build"])
    func aPipeAmongTheAttachmentsIsRefusedAlikeByCheckAndBuild(command: String) throws {
        let (result, kept) = try runAfterDamage([command, "--now", Self.now]) { site in
            #expect(mkfifo(site.url("content/articles/putki.pdf").path, 0o644) == 0)
        }
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("content/articles/putki.pdf: error: not a regular file"), "\(result.stderr)")
        #expect(kept)
    }
}

/// Symbolic links that lead out of the site (issue 18, item 4): each is a located error and nothing
/// from outside reaches the output.
extension CommandLineTests {
    /// A folder outside the site with a content file and a file no one should publish.
    func makeOutsideFolder() throws -> URL {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("salasana=hunter2\n".utf8).write(to: outside.appendingPathComponent("credentials.txt"))
        try Data("---\ntitle: Ulkopuolelta\ndate: 2026-11-01\nsummary: Ei kuulu sivustoon.\n---\nTeksti.\n".utf8)
            .write(to: outside.appendingPathComponent("ulkoa.fi.md"))
        return outside
    }

    func outputMentionsOutside(_ site: TemporarySite) -> Bool {
        readTree(site.url("output")).contains { path, data in
            path.contains("ulkoa") || path.contains("credentials") || String(decoding: data, as: UTF8.self).contains("hunter2")
        }
    }

    @Test func aTypeFolderLinkedToOutsideTheSiteIsRefused() throws {
        let outside = try makeOutsideFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        let good = try run(["build", "--now", Self.now, "--quiet"], in: site.root)
        #expect(good.status == 0, "\(good.stderr)")
        let before = readTree(site.url("output"))
        try FileManager.default.removeItem(at: site.url("content/practices"))
        #expect(symlink(outside.path, site.url("content/practices").path) == 0)
        for command in ["check", "build"] {
            let result = try run([command, "--now", Self.now], in: site.root)
            #expect(result.status == 1, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("content/practices: error: the symbolic link points outside content/"), "\(result.stderr)")
        }
        #expect(readTree(site.url("output")) == before)
        #expect(!outputMentionsOutside(site))
    }

    @Test func aLinkInTheThemesStaticFolderToOutsideIsRefused() throws {
        let outside = try makeOutsideFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        let (result, kept) = try runAfterDamage(["build", "--now", Self.now]) { site in
            #expect(symlink(outside.appendingPathComponent("credentials.txt").path,
                            site.url("themes/default/static/credentials.txt").path) == 0)
        }
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("themes/default/static/credentials.txt: error: a symbolic link leads outside"), "\(result.stderr)")
        #expect(kept)
    }

    @Test func aContentFolderLinkedToOutsideTheSiteIsRefused() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("content-\(UUID().uuidString)")
        try FileManager.default.moveItem(at: site.url("content"), to: elsewhere)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        #expect(symlink(elsewhere.path, site.url("content").path) == 0)
        let result = try run(["build", "--now", Self.now], in: site.root)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("content: error: the content folder is a symbolic link to outside the site folder"), "\(result.stderr)")
    }
}
