import Foundation
import Model
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `ConfinedPath` opens what is inside its folder and nothing else, whatever the links on the way say.
@Suite struct ConfinedPathTests {
    /// A folder `root` (its real path) with `root/a/file.txt`, and a sibling `outside/secret.txt`.
    struct Layout {
        let base: String
        var root: String { base + "/root" }
        var outside: String { base + "/outside" }

        init() throws {
            let made = FileManager.default.temporaryDirectory.appendingPathComponent("confined-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: made.appendingPathComponent("root/a"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: made.appendingPathComponent("outside"), withIntermediateDirectories: true)
            base = ConfinedPath.realFolder(made.path)!
            try Data("inside".utf8).write(to: URL(fileURLWithPath: base + "/root/a/file.txt"))
            try Data("secret".utf8).write(to: URL(fileURLWithPath: base + "/outside/secret.txt"))
        }

        func link(_ path: String, to target: String) {
            #expect(symlink(target, root + "/" + path) == 0)
        }

        func read(_ path: String) -> Result<String, ConfinedPath.Failure> {
            ConfinedPath.contents(of: path.hasPrefix("/") ? path : root + "/" + path, within: root)
                .map { String(decoding: $0, as: UTF8.self) }
        }

        func remove() { try? FileManager.default.removeItem(atPath: base) }
    }

    @Test func readsAFileInsideByAbsoluteAndRelativePath() throws {
        let layout = try Layout()
        defer { layout.remove() }
        #expect(layout.read("a/file.txt") == .success("inside"))
        #expect(ConfinedPath.contents(of: "a/file.txt", within: layout.root).map { $0.count } == .success(6))
    }

    @Test func followsLinksThatStayInside() throws {
        let layout = try Layout()
        defer { layout.remove() }
        layout.link("relative.txt", to: "a/file.txt")
        layout.link("absolute.txt", to: layout.root + "/a/file.txt")
        layout.link("folder", to: "a")
        layout.link("a/up.txt", to: "../a/./file.txt")
        #expect(layout.read("relative.txt") == .success("inside"))
        #expect(layout.read("absolute.txt") == .success("inside"))
        #expect(layout.read("folder/file.txt") == .success("inside"))
        #expect(layout.read("a/up.txt") == .success("inside"))
    }

    @Test func refusesLinksThatLeadOut() throws {
        let layout = try Layout()
        defer { layout.remove() }
        layout.link("relative.txt", to: "../outside/secret.txt")
        layout.link("absolute.txt", to: layout.outside + "/secret.txt")
        layout.link("elsewhere", to: layout.outside)
        layout.link("a/deep.txt", to: "../../outside/secret.txt")
        for path in ["relative.txt", "absolute.txt", "elsewhere/secret.txt", "a/deep.txt"] {
            guard case .failure(.outside) = layout.read(path) else {
                Issue.record("\(path) was read: \(layout.read(path))")
                continue
            }
        }
    }

    @Test func refusesDotDotAboveTheRootAndAbsolutePathsOutside() throws {
        let layout = try Layout()
        defer { layout.remove() }
        guard case .failure(.outside) = layout.read("../outside/secret.txt") else { Issue.record("climbed out"); return }
        guard case .failure(.outside) = layout.read(layout.outside + "/secret.txt") else { Issue.record("read outside"); return }
    }

    @Test func missingFilesDanglingLinksAndLoopsAreTold() throws {
        let layout = try Layout()
        defer { layout.remove() }
        layout.link("dangling.txt", to: "a/nothing.txt")
        layout.link("loop1", to: "loop2")
        layout.link("loop2", to: "loop1")
        #expect(layout.read("a/nothing.txt") == .failure(.missing))
        #expect(layout.read("dangling.txt") == .failure(.missing))
        #expect(layout.read("loop1") == .failure(.loop))
        #expect(layout.read("a/file.txt/more") == .failure(.notAFolder))
    }

    /// The race of the issue: a file checked, then swapped for a link to outside before it is read.
    /// The read goes through its own checked open, so the swap is refused, not followed.
    @Test func aFileSwappedForALinkAfterTheCheckIsNotRead() throws {
        let layout = try Layout()
        defer { layout.remove() }
        #expect(ConfinedPath.problem(layout.root + "/a/file.txt", within: layout.root) == nil)
        #expect(unlink(layout.root + "/a/file.txt") == 0)
        layout.link("a/file.txt", to: layout.outside + "/secret.txt")
        guard case .failure(.outside) = layout.read("a/file.txt") else { Issue.record("the swapped link was followed"); return }
    }
}
