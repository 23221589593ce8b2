import ArgumentParser
import Building
import Foundation
import Model

/// `tietopankki newsletter [print] ISSUE`: prints an issue's e-mail for piping into a mailing tool.
/// The default subcommand of `newsletter`, so `tietopankki newsletter 2 --format text` works as before.
struct NewsletterPrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Print a newsletter issue as e-mail HTML or plain text (drafts and future issues included).",
        discussion: "Exit codes: 0 printed, 1 content errors or no such issue, 2 usage errors.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html
        case text
    }

    @Argument(help: "The issue number.")
    var issue: Int

    @Option(name: .long, help: "The language: fi or sv.")
    var lang: String = "fi"

    @Option(name: .long, help: "html (email.html) or text (email.txt).")
    var format: Format = .html

    @OptionGroup var site: SiteOptions

    func validate() throws {
        guard Language(rawValue: lang) != nil else { throw ValidationError("--lang must be fi or sv") }
        let numbers = NewsletterMetadata.issueNumbers
        guard numbers.contains(issue) else {
            throw ValidationError("the issue number must be between \(numbers.lowerBound) and \(numbers.upperBound)")
        }
    }

    func run() throws {
        var request = site.request()
        // An issue is usually printed before it is published: show drafts and future items too.
        request.includeDrafts = true
        request.includeFuture = true
        // The copy for the mailing tool carries its unsubscribe placeholder.
        request.emailForMailing = true
        let printer = DiagnosticPrinter(pathPrefix: site.displayPrefix)
        switch SiteBuilder.render(request) {
        case .failure(let failure):
            printer.print(failure.diagnostics)
            throw ExitCode(ExitStatus.contentErrors)
        case .success(let rendered):
            let language = Language(rawValue: lang)!
            let section = ContentType.newsletter.sectionSegment(language)!
            let path = "\(language.rawValue)/\(section)/\(issue)/email.\(format == .html ? "html" : "txt")"
            guard let file = rendered.files.first(where: { $0.path == path }), case .text(let text) = file.contents else {
                FileHandle.standardError.write(Data("error: there is no newsletter issue \(issue) in '\(lang)'\n".utf8))
                throw ExitCode(ExitStatus.contentErrors)
            }
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
