import ArgumentParser
import Authoring
import Foundation
import Loading
import Model

/// `tietopankki newsletter draft`: the next issue as a new file, listing what was published since the
/// previous issue (or `--since`) and the upcoming events.
struct NewsletterDraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Start the next newsletter issue with the items published since the last one.",
        discussion: """
            Creates content/newsletters/N.LANG.md, numbered after the last issue, as a draft. Its items \
            are the articles, good practices and events published since --since (default: the date of the \
            previous issue) that no earlier issue listed, and every upcoming event. Edit the list and \
            write the introduction; then remove 'draft: true'.
            Exit codes: 0 created, 1 content errors or the file exists, 2 usage errors, 3 I/O problems.
            """)

    @Option(help: ArgumentHelp("List items published on or after this day, YYYY-MM-DD (default: the previous issue's date).", valueName: "DAY"))
    var since: String?

    @Option(help: ArgumentHelp("fi or sv.", valueName: "LANG"), completion: .list(Language.allCases.map(\.rawValue)))
    var lang: String = "fi"

    @Option(help: ArgumentHelp("The issue's title (default: the previous title with the new number).", valueName: "TITLE"))
    var title: String?

    @Option(help: ArgumentHelp(
        "The moment that decides what is published and upcoming, ISO 8601 (default: now). The issue is dated on its day.",
        valueName: "TIME"))
    var now: String?

    @Option(help: ArgumentHelp("The site folder (the one that holds content/).", valueName: "DIR"), completion: .directory)
    var root: String = "."

    func validate() throws {
        guard Language(rawValue: lang) != nil else { throw ValidationError("--lang must be fi or sv") }
        if let since, CalendarDay(since) == nil { throw ValidationError("--since '\(since)' is not a day; write e.g. 2026-11-19") }
        if let now, LocalTime.parse(now) == nil {
            throw ValidationError("--now '\(now)' is not an ISO 8601 time; write e.g. 2026-11-23T12:00")
        }
    }

    func run() throws {
        let site = SiteFolder(root)
        let printer = DiagnosticPrinter(pathPrefix: site.shown(""))
        if let problem = site.checkContentFolder() {
            DiagnosticPrinter(pathPrefix: "").print([problem])
            throw ExitCode(ExitStatus.contentErrors)
        }
        let (content, diagnostics) = ContentLoader.load(siteDirectory: site.root)
        guard let content, !diagnostics.contains(where: \.isError) else {
            printer.print(sortedDiagnostics(diagnostics))
            FileHandle.standardError.write(Data("Fix these first: the draft is made from the content as it is.\n".utf8))
            throw ExitCode(ExitStatus.contentErrors)
        }
        let moment = now.flatMap(LocalTime.parse) ?? Date()
        let language = Language(rawValue: lang)!
        var draft: NewsletterDraft
        switch NewsletterDraft.plan(
            items: content.items, language: language, since: since.flatMap(CalendarDay.init), now: moment,
            issueNumbersInFileNames: NewsletterNumbers.inFileNames(of: site)) {
        case .success(let planned): draft = planned
        case .failure(.noEarlierIssue):
            throw UsageFailure.exit("there is no earlier issue to count from", hint: "give --since YYYY-MM-DD")
        case .failure(.noIssueNumberLeft):
            let last = NewsletterMetadata.issueNumbers.upperBound
            throw UsageFailure.exit("issue \(last) is the last number an issue may have", hint: "renumber the issues")
        }
        if let title { draft.title = title }
        let item = draft.newItem(day: CalendarDay(moment))
        let name = ContentFileName(type: .newsletter, name: String(draft.issue), language: language)
        try NewFileWriter.create(NewItemTemplate.text(for: item), at: site.url(name.path), shownPath: site.shown(name.path))
        let upcoming = draft.entries.filter(\.isUpcomingEvent).count
        print("Issue \(draft.issue): \(draft.entries.count - upcoming) items published since \(draft.since), \(upcoming) upcoming events")
        if !draft.leftOutDrafts.isEmpty {
            print("Not listed because they are drafts (add them to items once published):")
            for id in draft.leftOutDrafts { print("  \(id)") }
        }
    }
}
