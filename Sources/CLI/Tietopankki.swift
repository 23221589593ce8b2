import ArgumentParser
import Foundation

/// The `tietopankki` command: parses arguments and hands over to a subcommand.
/// Exit codes: 0 success, 1 content errors, 2 usage errors, 3 I/O or environment problems.
@main
struct Tietopankki: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tietopankki",
        abstract: "Builds the bilingual knowledge-bank site of Kulttuuria yhteistuumin from content/.",
        discussion: """
            Exit codes: 0 success, 1 content errors (printed as path:line:column: error: message),
            2 usage errors, 3 I/O or environment problems (disk, permissions).
            """,
        subcommands: [
            BuildCommand.self, CheckCommand.self, ServeCommand.self, NewsletterCommand.self, NewCommand.self,
            TranslationsCommand.self, BenchIncrementalCommand.self,
        ])

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                // ArgumentParser's own code for bad usage is 64; ours is 2 (documented in --help).
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage)
            }
            exit(withError: error)
        }
    }
}

/// The process exit codes the tool promises.
enum ExitStatus {
    static let contentErrors: Int32 = 1
    static let usage: Int32 = 2
    static let environment: Int32 = 3
}
