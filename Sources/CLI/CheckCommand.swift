import ArgumentParser
import Building
import Foundation
import Model

/// `tietopankki check`: everything the build validates, without writing anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate content and theme without writing output/.",
        discussion: "Exit codes: 0 no errors, 1 content errors, 2 usage errors.")

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let printer = DiagnosticPrinter(pathPrefix: site.displayPrefix)
        switch SiteBuilder.render(site.request()) {
        case .success(let rendered):
            printer.print(rendered.warnings)
            if strict, !rendered.warnings.isEmpty { throw ExitCode(ExitStatus.contentErrors) }
            print("Checked \(rendered.pageCount) pages: no errors")
        case .failure(let failure):
            printer.print(failure.diagnostics)
            throw ExitCode(ExitStatus.contentErrors)
        }
    }
}
