import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A rebuild over the previous output (issue 23): it gives exactly a clean build's bytes whatever
/// changed — content, theme, base URL, the output tree itself — and touches only files that changed.
@Suite struct InPlaceRebuildTests {
    let cli = CommandLineTests()
    static let now = CommandLineTests.now

    func build(_ site: TemporarySite, _ extra: [String] = [], output: String = "output") throws -> [String: Any] {
        let report = site.url("report.json").path
        let result = try cli.run(["build", "--now", Self.now, "--output", output, "--json-report", report] + extra, in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: report))
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// A build into a folder that did not exist: the bytes every rebuild must match.
    func clean(_ site: TemporarySite, _ extra: [String] = []) throws -> [String: Data] {
        let folder = "clean-\(UUID().uuidString)"
        _ = try build(site, extra, output: folder)
        defer { try? FileManager.default.removeItem(at: site.url(folder)) }
        return readTree(site.url(folder))
    }

    /// Inode and mtime of every file of the output.
    func identities(_ folder: URL) -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            var info = stat()
            guard lstat(folder.appendingPathComponent(path).path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            result[path] = [Int(info.st_ino), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
        }
        result[".tietopankki-manifest"] = nil
        return result
    }

    @Test func aRebuildWithNothingChangedWritesNoFileAndKeepsEveryInodeAndMtime() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        let first = try build(site)
        #expect((first["filesWritten"] as? Int) == (first["files"] as? Int))
        _ = try build(site)
        let before = identities(site.url("output"))
        #expect(before.count > 50)
        for round in 0..<2 {
            let report = try build(site)
            #expect(report["filesWritten"] as? Int == 0, "round \(round)")
            #expect(identities(site.url("output")) == before, "round \(round)")
        }
        let summary = try cli.run(["build", "--now", Self.now], in: site.root)
        #expect(summary.stdout.contains(" files, 0 written) in "), "\(summary.stdout)")
    }

    @Test func aBodyEditWritesOnlyThePagesThatShowIt() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        _ = try build(site)
        _ = try build(site)
        let before = identities(site.url("output"))
        let article = site.url("content/articles/2026-03-05-kulttuuri-ja-hyvinvointi.fi.md")
        let text = try String(contentsOf: article, encoding: .utf8)
        try (text + "\nYksi lause lisää.\n").write(to: article, atomically: true, encoding: .utf8)
        let report = try build(site)
        let written = try #require(report["filesWritten"] as? Int)
        let after = identities(site.url("output"))
        let changed = after.keys.filter { after[$0] != before[$0] }.sorted()
        #expect(written == changed.count, "\(changed)")
        #expect(written > 0 && written < before.count / 4, "\(changed)")
        #expect(changed.contains { $0.hasSuffix("kulttuuri-hyvinvointi-yhdessa-2026/index.html") }, "\(changed)")
        #expect(readTree(site.url("output")) == (try clean(site)))
    }

    @Test(arguments: ["theme", "base-url", "content"])
    func aRebuildGivesTheCleanBuildsBytesAfterAChangeOf(what: String) throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        _ = try build(site)
        _ = try build(site)
        var extra: [String] = []
        switch what {
        case "theme":
            let footer = site.url("themes/default/templates/site-footer.mustache")
            let text = try String(contentsOf: footer, encoding: .utf8)
            try text.replacingOccurrences(of: "<footer class=\"site-footer\">", with: "<footer class=\"site-footer changed\">")
                .write(to: footer, atomically: true, encoding: .utf8)
            try site.write("themes/default/static/site.css", "body { color: black; }\n")
        case "base-url":
            extra = ["--base-url", "https://staging.example.org/tietopankki"]
        default:
            try FileManager.default.removeItem(at: site.url("content/articles/2026-03-05-kulttuuri-ja-hyvinvointi.fi.md"))
        }
        for round in 0..<2 {
            _ = try build(site, extra)
            #expect(readTree(site.url("output")) == (try clean(site, extra)), "round \(round)")
        }
    }

    /// How tampering is noticed: the manifest records each file's inode, size and mtime, and an entry
    /// counts only while `lstat` still shows them; anything else is written anew.
    @Test func aRebuildRepairsAnOutputEditedOrEmptiedByHand() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        _ = try build(site)
        _ = try build(site)
        let reference = try clean(site)
        let output = site.url("output")
        let home = output.appendingPathComponent("fi/index.html")
        let handle = try FileHandle(forWritingTo: home)
        try handle.write(contentsOf: Data("<!-- vandal -->".utf8))
        try handle.close()
        try Data("replaced".utf8).write(to: output.appendingPathComponent("sv/index.html"), options: .atomic)
        try FileManager.default.removeItem(at: output.appendingPathComponent("robots.txt"))
        try site.write("output/fi/stray.html", "stray")
        for round in 0..<2 {
            _ = try build(site)
            #expect(readTree(output) == reference, "round \(round)")
        }
        // Emptied by hand, manifest and all: still the same bytes.
        for name in try FileManager.default.contentsOfDirectory(atPath: output.path) {
            try FileManager.default.removeItem(at: output.appendingPathComponent(name))
        }
        _ = try build(site)
        #expect(readTree(output) == reference)
    }
}
