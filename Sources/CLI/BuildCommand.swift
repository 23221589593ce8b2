import ArgumentParser
import Building
import Foundation
import Model
import Writing

/// `tietopankki build`: renders the site and swaps it into the output folder.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into output/ (quiet on success: one summary line).",
        discussion: """
            The site is rendered in memory and written to a staging folder that then replaces the output \
            in one step: a failed build leaves the previous output untouched.
            Exit codes: 0 success, 1 content errors, 2 usage errors, 3 I/O problems.
            """)

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Print nothing on success.")
    var quiet = false

    func run() throws {
        let printer = DiagnosticPrinter(pathPrefix: site.displayPrefix)
        do {
            let report = try SiteBuilder.build(site.request())
            printer.print(report.warnings)
            if !quiet {
                let seconds = String(format: "%.2f", report.seconds)
                print("Built \(report.pageCount) pages (\(report.fileCount) files) in \(seconds) s")
            }
        } catch let failure as BuildFailure {
            printer.print(failure.diagnostics)
            FileHandle.standardError.write(Data("Build failed; the previous output was left as it was.\n".utf8))
            throw ExitCode(ExitStatus.contentErrors)
        } catch let error as WriteError {
            FileHandle.standardError.write(Data("error: cannot write the site: \(error)\n".utf8))
            throw ExitCode(ExitStatus.environment)
        }
    }
}
