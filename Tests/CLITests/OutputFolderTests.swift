import Foundation
import TestSupport
import Testing

/// Which folders `build --output` may take over (issue 18, item 2): only an empty or missing one, the
/// repository's placeholder folder, or one an earlier build wrote; a symbolic link is written through.
@Suite struct OutputFolderTests {
    let cli = CommandLineTests()
    static let now = CommandLineTests.now

    @Test(arguments: ["themes", ".git", "notes"])
    func refusesAFolderItDidNotWriteAndLeavesItAlone(folder: String) throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        try site.write(".git/HEAD", "ref: refs/heads/main\n")
        try site.write("notes/todo.txt", "keep me\n")
        let before = readTree(site.url(folder))
        let result = try cli.run(["build", "--now", Self.now, "--output", folder], in: site.root)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("was not written by tietopankki"), "\(result.stderr)")
        #expect(result.stderr.contains("hint:"), "\(result.stderr)")
        #expect(readTree(site.url(folder)) == before)
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".\(folder).") }
        #expect(beside.allSatisfy { $0.hasSuffix(".lock") }, "\(beside)")
    }

    @Test func refusesAFileWhereTheOutputFolderShouldBe() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        try site.write("blocked", "a file")
        let result = try cli.run(["build", "--now", Self.now, "--output", "blocked"], in: site.root)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("it is a file, not a folder"), "\(result.stderr)")
        #expect(try String(contentsOf: site.url("blocked"), encoding: .utf8) == "a file")
    }

    @Test(arguments: ["missing", "empty", "placeholder"])
    func takesAnEmptyMissingOrPlaceholderFolder(state: String) throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        if state == "empty" { try FileManager.default.createDirectory(at: site.url("output"), withIntermediateDirectories: true) }
        if state == "placeholder" { try site.write("output/.gitkeep", "") }
        let result = try cli.run(["build", "--now", Self.now], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.url("output/index.html").path))
        #expect(FileManager.default.fileExists(atPath: site.url("output/.gitkeep").path) == (state == "placeholder"))
        // The folder is marked as the build's own, so the next build takes it again.
        #expect(try cli.run(["build", "--now", Self.now], in: site.root).status == 0)
    }

    /// Deployments point `output` at the web server's folder; the link stays a link.
    @Test func writesThroughASymbolicLink() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.url("www/site"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.url("output").path, withDestinationPath: "www/site")
        for _ in 0..<2 {
            let result = try cli.run(["build", "--now", Self.now], in: site.root)
            #expect(result.status == 0, "\(result.stderr)")
            let link = try FileManager.default.destinationOfSymbolicLink(atPath: site.url("output").path)
            #expect(link == "www/site")
            #expect(FileManager.default.fileExists(atPath: site.url("www/site/index.html").path))
        }
        #expect(try cli.run(["build", "--now", Self.now, "--output", "clean"], in: site.root).status == 0)
        #expect(readTree(site.url("www/site")) == readTree(site.url("clean")))
        #expect(FileManager.default.fileExists(atPath: site.url("www/.site.previous").path))
    }
}
