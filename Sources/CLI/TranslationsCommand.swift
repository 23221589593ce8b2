import ArgumentParser
import Authoring
import Foundation
import Indexing
import Loading
import Model

/// `tietopankki translations`: the weekly check of the two languages, as a table.
struct TranslationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translations",
        abstract: "List items missing a translation, or whose translation is older than the other language.",
        discussion: """
            Compares each item's Finnish and Swedish files, drafts included: a file missing in one \
            language, a file older than the other language's (by 'updated', else 'date'), and a \
            translation that still carries KÄÄNNÄ: or ÖVERSÄTT:.
            Exit codes: 0 the report was printed (whatever it says), 1 content errors, 2 usage errors.
            """)

    @Option(help: ArgumentHelp("The site folder (the one that holds content/).", valueName: "DIR"), completion: .directory)
    var root: String = "."

    func run() throws {
        let site = SiteFolder(root)
        let printer = DiagnosticPrinter(pathPrefix: site.shown(""))
        let (content, diagnostics) = ContentLoader.load(siteDirectory: site.root)
        // A file that does not load would show up as a missing translation: report errors instead.
        guard let content, !diagnostics.contains(where: \.isError) else {
            printer.print(sortedDiagnostics(diagnostics))
            throw ExitCode(ExitStatus.contentErrors)
        }
        print(TranslationReport(items: content.items).table, terminator: "")
    }
}
