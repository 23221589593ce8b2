import Foundation
import Model
import TestSupport
import Testing
@testable import Writing

@Suite struct OutputWriterTests {
    @Test func replacesTheWholeOutputSoNoStaleFileSurvives() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let output = site.url("output")
        try OutputWriter.write([.text("a/index.html", "A"), .text("old.html", "old")], to: output)
        try OutputWriter.write([.text("a/index.html", "A2"), .text("b/c/index.html", "C")], to: output)
        #expect(readTree(output) == ["a/index.html": Data("A2".utf8), "b/c/index.html": Data("C".utf8)])
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".") }
        #expect(beside == [".output.previous"])
    }

    /// Pages are written from both cores as they are rendered, each making the folders it finds missing;
    /// two writers racing to make the same folders must both succeed.
    @Test func writesFilesFromSeveralThreadsMakingTheirFolders() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let output = site.url("output")
        let staging = try OutputWriter.Update(output: output)
        let files = (0..<600).map { number in
            OutputFile.text("fi/\(number % 7)/\(number % 13)/\(number)/index.html", "page \(number)")
        }
        let results = parallelMap(files) { staging.write($0) }
        for case .failure(let error) in results { Issue.record("\(error)") }
        let summary = try staging.commit()
        #expect(summary.filesWritten == 600)
        let tree = readTree(output)
        #expect(tree.count == 600)
        #expect(tree["fi/3/3/367/index.html"] == Data("page 367".utf8))
    }

    @Test func tellsSafePathsFromUnsafeOnesAsTheFileSystemSplitsThem() {
        for path in ["index.html", "fi/é/index.html", "...", "a/.../b", ".well-known/x", "a/..b/c"] {
            #expect(OutputWriter.isSafe(path), "\(path)")
        }
        // "/\u{301}" is one Character, but the file system sees a slash: the ".." after it climbs.
        for path in ["", "/x", "a/", "..", ".", "a/..", "a/./b", "a//b", "a\u{0}b", "a\\b", "a/\u{301}/../../../x"] {
            #expect(!OutputWriter.isSafe(path), "\(path)")
        }
    }

    @Test(arguments: ["../escape.html", "/etc/x", "a/../../x", "a//b", "", "a/./b", "a\\b"])
    func refusesPathsOutsideTheOutputAndLeavesTheOldSite(path: String) throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let output = site.url("output")
        try OutputWriter.write([.text("index.html", "old")], to: output)
        #expect(throws: WriteError.self) {
            try OutputWriter.write([.text("index.html", "new"), .text(path, "x")], to: output)
        }
        #expect(readTree(output) == ["index.html": Data("old".utf8)])
    }

    @Test func keepsTheRepositoryPlaceholder() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("output/.gitkeep", "")
        try OutputWriter.write([.text("index.html", "x")], to: site.url("output"))
        #expect(FileManager.default.fileExists(atPath: site.url("output/.gitkeep").path))
    }

    @Test func cleansLeftoversOfAnInterruptedBuild() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write(".output.staging-999999/half.html", "half")
        try OutputWriter.write([.text("index.html", "x")], to: site.url("output"))
        #expect(!FileManager.default.fileExists(atPath: site.url(".output.staging-999999").path))
    }

    @Test func failsWithoutTouchingTheOutputWhenAFileCannotBeWritten() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let output = site.url("output")
        try OutputWriter.write([.text("index.html", "old")], to: output)
        // A file and a folder of the same name cannot both exist: the second write fails mid-way.
        #expect(throws: WriteError.self) {
            try OutputWriter.write([.text("x", "file"), .text("x/index.html", "in folder")], to: output)
        }
        #expect(readTree(output) == ["index.html": Data("old".utf8)])
    }
}
