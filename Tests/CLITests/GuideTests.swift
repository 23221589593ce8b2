import Foundation
import TestSupport
import Testing

/// The editors' guides are run as a new editor would run them: every ```sh block, in order, in a copy of
/// the sample site (`content/` and `themes/`), with the built `tietopankki` first on PATH; each must
/// succeed. Every error or warning a ```text block shows must be one the tool really prints.
@Suite struct GuideTests {
    static let guides = ["docs/ohje.md", "docs/guide.sv.md"]
    let tool = CommandLineTests()

    /// A fenced block of a Markdown file: its info string (`sh`, `text` …) and its lines.
    struct Block {
        var info: String
        var text: String
    }

    static func blocks(of path: String) throws -> [Block] {
        let markdown = try String(contentsOf: Repository.root.appendingPathComponent(path), encoding: .utf8)
        var blocks: [Block] = []
        var current: Block?
        for line in markdown.components(separatedBy: "\n") {
            if line.hasPrefix("```") {
                if let block = current {
                    blocks.append(block)
                    current = nil
                } else {
                    current = Block(info: String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), text: "")
                }
            } else if current != nil {
                current!.text += line + "\n"
            }
        }
        return blocks
    }

    func shell(_ script: String, in directory: URL) throws -> CommandLineTests.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-e", "-o", "pipefail", "-c", script]
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = CommandLineTests.executable.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandLineTests.Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A copy of the repository's sample site: what an editor finds in a fresh clone.
    func sampleSite() throws -> TemporarySite {
        let site = try TemporarySite()
        try site.copyTree(from: Repository.root.appendingPathComponent("content"), to: "content")
        try site.copyTree(from: Repository.root.appendingPathComponent("themes"), to: "themes")
        return site
    }

    @Test(arguments: guides)
    func runsEveryCommandOfTheGuide(guide: String) throws {
        let commands = try Self.blocks(of: guide).filter { $0.info == "sh" }
        #expect(commands.count >= 8, "\(guide) has too few commands to be a guide")
        let site = try sampleSite()
        defer { site.remove() }
        for block in commands {
            let result = try shell(block.text, in: site.root)
            #expect(result.status == 0, "\(guide): «\(block.text)» failed:\n\(result.stderr)")
        }
        // What the guide made is still a valid site.
        let check = try tool.run(["check", "--drafts"], in: site.root)
        #expect(check.status == 0, "\(check.stderr)")
    }

    /// Real diagnostics: every invalid-input fixture laid over the minimal site and checked, and a `new`
    /// that would overwrite a file.
    static let realDiagnostics: String = {
        let tool = CommandLineTests()
        var output = ""
        let cases = Repository.fixtures.appendingPathComponent("invalid")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: cases.path)) ?? []).sorted() {
            guard let site = try? TemporarySite.copyOfFixture("minimal") else { continue }
            defer { site.remove() }
            try? site.copyTree(from: cases.appendingPathComponent("\(name)/content"), to: "content")
            output += (try? tool.run(["check", "--now", CommandLineTests.now], in: site.root).stderr) ?? ""
        }
        if let site = try? TemporarySite.copyOfFixture("minimal") {
            defer { site.remove() }
            let new = ["new", "article", "--lang", "fi", "--date", "2026-11-23", "Kirjasto kylän olohuoneena"]
            _ = try? tool.run(new, in: site.root)
            output += (try? tool.run(new, in: site.root).stderr) ?? ""
        }
        return output
    }()

    @Test(arguments: guides)
    func showsOnlyMessagesTheToolReallyPrints(guide: String) throws {
        let shown = try Self.blocks(of: guide).filter { $0.info == "text" }.flatMap { $0.text.components(separatedBy: "\n") }
        var checked = 0
        for line in shown {
            for marker in [" error: ", " warning: ", "hint: "] {
                guard let range = line.range(of: marker) else { continue }
                let message = marker.trimmingCharacters(in: .whitespaces) + " " + line[range.upperBound...]
                #expect(Self.realDiagnostics.contains(message), "\(guide): the tool never prints «\(message)»")
                checked += 1
                break
            }
        }
        #expect(checked >= 10, "\(guide) explains too few messages")
    }
}
