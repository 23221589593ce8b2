import ArgumentParser
import Building
import Foundation
import Model

/// `tietopankki check`: everything the build validates plus checks of the rendered site, without
/// writing anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate content, theme and the rendered site without writing output/.",
        discussion: """
            Besides what the build checks: every internal link and #anchor of the rendered site resolves \
            (reported at the Markdown line it came from), every image has alt text, and the translation \
            report lists items missing a translation and translations older than their source (warnings).
            Exit codes: 0 no errors, 1 errors (with --strict also warnings), 2 usage errors.
            """)

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let printer = DiagnosticPrinter(pathPrefix: site.displayPrefix)
        switch SiteBuilder.check(site.request(), strict: strict) {
        case .success(let checked):
            printer.print(checked.warnings)
            print("Checked \(checked.pageCount) pages: no errors")
        case .failure(let failure):
            printer.print(failure.diagnostics)
            throw ExitCode(ExitStatus.contentErrors)
        }
    }
}
