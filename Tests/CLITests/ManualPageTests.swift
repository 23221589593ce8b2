import Foundation
import TestSupport
import Testing

/// `docs/tietopankki.1`, the man page `make install` installs, describes every command and option the
/// tool has (read from the tool's own `--experimental-dump-help`), so it cannot fall behind unnoticed.
@Suite struct ManualPageTests {
    struct Command {
        var path: [String]
        var options: [String]
    }

    static func commands() throws -> [Command] {
        let result = try CommandLineTests().run(["--experimental-dump-help"], in: Repository.root)
        let root = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        var found: [Command] = []
        func walk(_ command: [String: Any], _ path: [String]) {
            let name = command["commandName"] as? String ?? ""
            let here = path + [name]
            let arguments = command["arguments"] as? [[String: Any]] ?? []
            let options = arguments.flatMap { ($0["names"] as? [[String: Any]] ?? []) }
                .filter { $0["kind"] as? String == "long" }.compactMap { $0["name"] as? String }
            found.append(Command(path: here, options: options))
            for sub in command["subcommands"] as? [[String: Any]] ?? [] { walk(sub, here) }
        }
        if let command = root?["command"] as? [String: Any] { walk(command, []) }
        return found
    }

    static let page: String = {
        let text = (try? String(contentsOf: Repository.root.appendingPathComponent("docs/tietopankki.1"), encoding: .utf8)) ?? ""
        return text.replacingOccurrences(of: "\\-", with: "-")
    }()

    @Test func describesEveryCommandAndOption() throws {
        let commands = try Self.commands()
        #expect(commands.count >= 8)
        for command in commands where command.path.last != "help" {
            for word in command.path.dropFirst() {
                #expect(Self.page.range(of: "\\b\(word)\\b", options: .regularExpression) != nil,
                        "docs/tietopankki.1 does not mention the command '\(word)'")
            }
            for option in command.options where option != "help" {
                #expect(Self.page.contains(".BI --\(option) ") || Self.page.contains(".B --\(option)\n")
                        || Self.page.contains(".BR --\(option) "),
                        "docs/tietopankki.1 does not describe --\(option) of '\(command.path.joined(separator: " "))'")
            }
        }
    }

    @Test func isPlainRoffWithTheSections() {
        for section in [".TH TIETOPANKKI 1", ".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH EXIT STATUS"] {
            #expect(Self.page.contains(section))
        }
    }
}
