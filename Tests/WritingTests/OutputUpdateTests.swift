import Foundation
import Model
import TestSupport
import Testing
@testable import Writing

#if canImport(Glibc)
import Glibc
#endif

/// The two-tree update (issue 23): a rebuild writes only what changed, unchanged files keep their inode
/// and mtime, and whatever the previous trees hold, the live tree ends up exactly the new site.
@Suite struct OutputUpdateTests {
    static let site: [OutputFile] = [
        .text("index.html", "root"), .text("fi/index.html", "fi"), .text("fi/a/index.html", "A"),
        .text("sv/index.html", "sv"), .data("img/logo.png", Data([0, 1, 2, 255])),
    ]

    /// Inode and mtime of every file below `root` (the manifest left out).
    func identities(_ root: URL) -> [String: [Int64]] {
        let scan = TreeScan(root: root.path, skipping: [OutputManifest.fileName])
        return scan.files.mapValues { [Int64($0.inode), $0.modified] }
    }

    func expected(_ files: [OutputFile]) -> [String: Data] {
        var tree: [String: Data] = [:]
        for file in files {
            switch file.contents {
            case .text(let text): tree[file.path] = Data(text.utf8)
            case .data(let data): tree[file.path] = data
            case .copy(let source, _): tree[file.path] = FileManager.default.contents(atPath: source)
            }
        }
        return tree
    }

    @Test func aRebuildWithNothingChangedWritesNothingAndKeepsEveryInodeAndMtime() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let output = site.url("output")
        let first = try OutputWriter.write(Self.site, to: output)
        #expect(first.filesWritten == Self.site.count)
        let before = identities(output)
        for round in 0..<3 {
            let summary = try OutputWriter.write(Self.site, to: output)
            #expect(summary.filesWritten == 0, "round \(round)")
            #expect(identities(output) == before, "round \(round)")
            #expect(readTree(output) == expected(Self.site))
        }
    }

    @Test func aChangedFileAloneIsWrittenAndTheOthersKeepTheirInodes() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let output = site.url("output")
        try OutputWriter.write(Self.site, to: output)
        try OutputWriter.write(Self.site, to: output)
        let before = identities(output)
        var changed = Self.site
        changed[2] = .text("fi/a/index.html", "A, edited")
        let summary = try OutputWriter.write(changed, to: output)
        #expect(summary.filesWritten == 1)
        let after = identities(output)
        #expect(after["fi/a/index.html"] != before["fi/a/index.html"])
        for path in before.keys where path != "fi/a/index.html" { #expect(after[path] == before[path], "\(path)") }
        #expect(readTree(output) == expected(changed))
        // The next build of the same site links the edited file into the other tree: still nothing written.
        #expect(try OutputWriter.write(changed, to: output).filesWritten == 0)
        #expect(identities(output) == after)
    }

    @Test func removesFilesAndFoldersTheSiteNoLongerHas() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let output = site.url("output")
        let smaller = Self.site.filter { !$0.path.hasPrefix("fi/a/") && $0.path != "img/logo.png" }
        for files in [Self.site, Self.site, smaller, smaller, Self.site, smaller] {
            try OutputWriter.write(files, to: output)
            #expect(readTree(output) == expected(files))
        }
        #expect(!FileManager.default.fileExists(atPath: site.url("output/fi/a").path))
        #expect(!FileManager.default.fileExists(atPath: site.url("output/img").path))
    }

    /// Hand edits in the live tree: an in-place edit (same inode, new mtime), an editor's atomic save (new
    /// inode), a deletion, a stray file and a folder replaced by a file. The stat check notices each one.
    @Test(arguments: ["edit in place", "atomic save", "delete", "add", "folder to file", "file to link"])
    func aTreeChangedByHandStillEndsUpAsTheNewSite(change: String) throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let output = site.url("output")
        try OutputWriter.write(Self.site, to: output)
        try OutputWriter.write(Self.site, to: output)
        let page = site.url("output/fi/a/index.html")
        switch change {
        case "edit in place":
            let handle = try FileHandle(forWritingTo: page)
            try handle.write(contentsOf: Data("B".utf8))  // same size, same inode
            try handle.close()
        case "atomic save": try Data("hand".utf8).write(to: page, options: .atomic)
        case "delete": try FileManager.default.removeItem(at: page)
        case "add": try site.write("output/fi/a/notes.txt", "stray")
        case "folder to file":
            try FileManager.default.removeItem(at: site.url("output/fi/a"))
            try site.write("output/fi/a", "a file")
        default:
            try FileManager.default.removeItem(at: page)
            try FileManager.default.createSymbolicLink(atPath: page.path, withDestinationPath: "/etc/hostname")
        }
        for round in 0..<2 {
            try OutputWriter.write(Self.site, to: output)
            #expect(readTree(output) == expected(Self.site), "round \(round)")
            #expect(FileStatus.of(page.path)?.isRegularFile == true)
        }
    }

    @Test func aFileAndAFolderMayTradePlacesBetweenBuilds() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let output = site.url("output")
        let asFile: [OutputFile] = [.text("x", "file"), .text("y/z/index.html", "deep")]
        let asFolder: [OutputFile] = [.text("x/index.html", "in folder"), .text("y", "file now")]
        for files in [asFile, asFolder, asFile, asFolder, asFolder, asFile] {
            try OutputWriter.write(files, to: output)
            #expect(readTree(output) == expected(files))
        }
    }

    /// A link planted in the previous tree must not lead a write outside it.
    @Test func neverWritesThroughALinkInThePreviousTree() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let output = site.url("output")
        try OutputWriter.write(Self.site, to: output)
        try OutputWriter.write(Self.site, to: output)
        let outside = site.url("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let previous = OutputLocation(output: output).previous
        try FileManager.default.removeItem(at: previous.appendingPathComponent("fi"))
        try FileManager.default.createSymbolicLink(at: previous.appendingPathComponent("fi"), withDestinationURL: outside)
        try FileManager.default.removeItem(at: previous.appendingPathComponent("index.html"))
        try FileManager.default.createSymbolicLink(
            at: previous.appendingPathComponent("index.html"), withDestinationURL: outside.appendingPathComponent("index.html"))
        var changed = Self.site
        changed[0] = .text("index.html", "root 2")
        changed[1] = .text("fi/index.html", "fi 2")
        try OutputWriter.write(changed, to: output)
        #expect(readTree(output) == expected(changed))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    @Test func theManifestReadsBackWhatItWrote() {
        let manifest = OutputManifest(entries: [
            "fi/ä ö/index.html": .init(hash: ContentHash("x"), size: 1, inode: 42, modified: 1_764_000_000_123_456_789),
            "index.html": .init(hash: ContentHash(""), size: 0, inode: 7, modified: 0),
        ])
        #expect(OutputManifest(text: manifest.text) == manifest)
        #expect(OutputManifest(text: "something else\n").entries.isEmpty)
        #expect(OutputManifest(text: OutputManifest.header + "zz 1 2 3 x\n").entries.isEmpty)
        // Changed by hand (an entry's size here): the whole manifest is disregarded.
        let edited = manifest.text.replacingOccurrences(of: " 1 42 ", with: " 2 42 ")
        #expect(edited != manifest.text)
        #expect(OutputManifest(text: edited).entries.isEmpty)
    }

    @Test func aRebuildWithNothingChangedWritesNotEvenTheManifest() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let output = site.url("output")
        try OutputWriter.write(Self.site, to: output)
        try OutputWriter.write(Self.site, to: output)
        let manifest = output.appendingPathComponent(OutputManifest.fileName).path
        let before = FileStatus.of(manifest)
        try OutputWriter.write(Self.site, to: output)
        #expect(FileStatus.of(manifest) != nil && FileStatus.of(manifest) == before)
        // A manifest edited by hand is not trusted: the files are written again, the output stays right.
        try Data("tietopankki output manifest 1\nnonsense\n".utf8).write(to: URL(fileURLWithPath: manifest))
        #expect(try OutputWriter.write(Self.site, to: output).filesWritten == Self.site.count)
        #expect(readTree(output) == expected(Self.site))
    }

    @Test func theHashTellsContentsApart() {
        var seen = Set<ContentHash>()
        var texts = ["", "a", "b", "ab", "ba", String(repeating: "x", count: 15), String(repeating: "x", count: 16),
                     String(repeating: "x", count: 17), String(repeating: "x", count: 32), "\u{0}", "\u{0}\u{0}"]
        texts += (0..<200).map { "page \($0) " + String(repeating: "é", count: $0) }
        for text in texts { seen.insert(ContentHash(text)) }
        #expect(seen.count == texts.count)
        #expect(ContentHash("same") == ContentHash("same"))
        #expect(ContentHash(hex: Substring(ContentHash("x").description)) == ContentHash("x"))
    }
}
