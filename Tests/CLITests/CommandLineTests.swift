import Foundation
import TestSupport
import Testing

/// Runs the real `tietopankki` executable the way the cron job and editors do.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable beside the test bundle (SwiftPM builds it because this target depends on it).
    static let executable: URL = {
        let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            bundleFolder.appendingPathComponent("tietopankki"),
            bundleFolder.deletingLastPathComponent().appendingPathComponent("tietopankki"),
            Repository.root.appendingPathComponent(".build/debug/tietopankki"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    static let now = "2026-11-23T12:00:00+02:00"

    @Test func buildsQuietlyWithOneSummaryLine() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        let result = try run(["build", "--now", Self.now], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Built ") == true)
        #expect(FileManager.default.fileExists(atPath: site.url("output/fi/index.html").path))
        #expect(FileManager.default.fileExists(atPath: site.url("output/sv/index.html").path))
        let quiet = try run(["build", "--now", Self.now, "--quiet"], in: site.root)
        #expect(quiet.status == 0 && quiet.stdout.isEmpty)
    }

    /// Package.swift links mimalloc for its speed; if the linker order ever let the C library's malloc win,
    /// mimalloc would be loaded but idle and its statistics would count no allocations.
    @Test func allocatesThroughMimalloc() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        let result = try run(["build", "--now", Self.now, "--quiet"], in: site.root, environment: ["MIMALLOC_SHOW_STATS": "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let pages = result.stderr.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("pages:") }
        let freedPages = pages?.split(separator: " ", omittingEmptySubsequences: true).dropFirst(3).first.flatMap { Int($0) }
        #expect(result.stderr.contains("heap stats"), "mimalloc printed no statistics: not loaded")
        #expect((freedPages ?? 0) > 0, "mimalloc served no pages: \(pages.map(String.init) ?? "no pages line")")
    }

    /// Pages written from recorded shapes (the default) and pages all rendered by the template engine
    /// must be the same files, byte for byte.
    @Test(arguments: ["basic", "minimal"])
    func writesTheSameSiteWithAndWithoutShapeReplay(fixture: String) throws {
        let site = try TemporarySite.copyOfFixture(fixture)
        defer { site.remove() }
        for flags in [[], ["--drafts", "--future"]] {
            let replayed = try run(["build", "--now", Self.now, "--quiet", "--output", "out-replayed"] + flags, in: site.root)
            let engine = try run(
                ["build", "--now", Self.now, "--quiet", "--output", "out-engine"] + flags, in: site.root,
                environment: ["TIETOPANKKI_NO_SPECIALIZING": "1"])
            #expect(replayed.status == 0 && engine.status == 0, "\(replayed.stderr) \(engine.stderr)")
            let replayedTree = readTree(site.url("out-replayed")), engineTree = readTree(site.url("out-engine"))
            #expect(replayedTree.count > 20)
            #expect(replayedTree.keys.sorted() == engineTree.keys.sorted())
            for (path, data) in engineTree where replayedTree[path] != data {
                Issue.record("\(path) differs with shape replay")
            }
        }
    }

    @Test func reportsContentErrorsAsPathLineColumnAndExitsWithOne() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        _ = try run(["build", "--now", Self.now], in: site.root)
        let before = readTree(site.url("output"))
        try site.write("content/articles/2026-02-01-a.fi.md", "---\ndate: 2026-02-01\n---\n")
        try site.write("content/articles/2026-02-02-b.fi.md", "---\ntitle: B\ndate: 2026-02-02\nsumary: x\n---\n")
        let result = try run(["build", "--now", Self.now], in: site.root)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("content/articles/2026-02-01-a.fi.md:2:1: error: missing required key 'title'"))
        #expect(result.stderr.contains("content/articles/2026-02-02-b.fi.md:4:1: error: unknown key 'sumary' for articles"))
        #expect(result.stderr.contains("    hint: did you mean 'summary'?"))
        #expect(result.stderr.contains("2 errors"))
        #expect(readTree(site.url("output")) == before)
    }

    @Test func prefixesPathsWithTheRootGiven() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        try site.write("content/articles/2026-02-01-a.fi.md", "---\ndate: 2026-02-01\n---\n")
        let result = try run(["build", "--root", site.root.path, "--now", Self.now], in: Repository.root)
        #expect(result.stderr.contains("\(site.root.path)/content/articles/2026-02-01-a.fi.md:2:1: error:"))
    }

    @Test(arguments: [["build", "--now", "yesterday"], ["build", "--no-such-flag"], ["frobnicate"], ["build", "--base-url", "ftp://x"]])
    func exitsWithTwoOnUsageErrors(arguments: [String]) throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        let result = try run(arguments, in: site.root)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test func exitsWithThreeWhenTheOutputCannotBeWritten() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        try site.write("blocked", "a file where the output's parent folder should be")
        let result = try run(["build", "--now", Self.now, "--output", site.url("blocked/site").path], in: site.root)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("cannot write the site"))
    }

    @Test func helpDocumentsTheExitCodes() throws {
        let result = try run(["build", "--help"], in: Repository.root)
        #expect(result.status == 0)
        #expect(result.stdout.contains("--now"))
        #expect(result.stdout.contains("Exit codes: 0 success, 1 content errors, 2 usage errors"))
        #expect(result.stdout.contains("3 I/O or environment problems"))
        #expect(result.stdout.contains("--wait"))
        #expect(result.stdout.contains("--json-report"))
    }

    @Test func checkValidatesWithoutWriting() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        let result = try run(["check", "--now", Self.now], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.url("output").path))
    }

    @Test func newsletterPrintsTheMailingCopyWithThePlaceholder() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        let html = try run(["newsletter", "1", "--now", Self.now], in: site.root)
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.contains("href=\"{{unsubscribe}}\""), "the mailing tool finds its placeholder as written")
        let text = try run(["newsletter", "1", "--lang", "sv", "--format", "text", "--now", Self.now], in: site.root)
        #expect(text.stdout.contains("{{unsubscribe}}"))
        #expect(try run(["newsletter", "9", "--now", Self.now], in: site.root).status == 1)
    }

    @Test func draftsAppearOnlyWhenAsked() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        _ = try run(["build", "--now", Self.now], in: site.root)
        let without = readTree(site.url("output")).keys.filter { $0.contains("luonnos") }
        _ = try run(["build", "--now", Self.now, "--drafts"], in: site.root)
        let with = readTree(site.url("output")).keys.filter { $0.contains("luonnos") }
        #expect(without.isEmpty)
        #expect(!with.isEmpty)
    }
}
