import ArgumentParser
import Authoring
import Foundation
import Loading
import Model

/// `tietopankki new TYPE --lang fi "Otsikko"`: starts a content file with every key of its type
/// explained; `--translation-of PATH` starts the other language's file of an existing item.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new content file (a draft) and print its path.",
        discussion: """
            Creates content/FOLDER/NAME.LANG.md with every front matter key of the type: required ones \
            filled in, optional ones commented out with an explanation in the file's language. Articles, \
            practices and newsletters are named YYYY-MM-DD-title (events after their start day), pages \
            after the title, newsletters by the next issue number. The file is a draft (draft: true) \
            until you remove that line. An existing file is never overwritten.

            With --translation-of PATH the other language's file is created beside PATH: dates, regions, \
            themes, event times and links are copied, the texts are carried over behind KÄÄNNÄ: / \
            ÖVERSÄTT: for translating.

            Examples:
              tietopankki new article --lang fi "Kirjasto kylän olohuoneena"
              tietopankki new event --lang fi --event-type webinar --start 2027-02-04T13:00 "Webinaari"
              tietopankki new --translation-of content/articles/2020-06-15-kuntakysely.fi.md

            Exit codes: 0 created, 1 the file exists or the source file has errors, 2 usage errors, \
            3 I/O problems.
            """)

    @Argument(
        help: ArgumentHelp("article, practice, event, newsletter or page.", valueName: "type"),
        completion: .list(ContentType.allCases.map(\.rawValue)))
    var type: String?

    @Argument(help: ArgumentHelp("The title, in quotes.", valueName: "title"))
    var title: String?

    @Option(
        help: ArgumentHelp("fi or sv (default fi; with --translation-of, the source's other language).", valueName: "LANG"),
        completion: .list(Language.allCases.map(\.rawValue)))
    var lang: String?

    @Option(
        name: .customLong("translation-of"),
        help: ArgumentHelp("Start the other language's file of this content file.", valueName: "PATH"),
        completion: .file(extensions: ["md"]))
    var translationOf: String?

    @Option(help: ArgumentHelp("The day that dates the item and names its file, YYYY-MM-DD (default: today).", valueName: "DAY"))
    var date: String?

    @Option(help: ArgumentHelp("Events: the start, e.g. 2026-12-03T08:30 (Helsinki time).", valueName: "TIME"))
    var start: String?

    @Option(
        name: .customLong("event-type"),
        help: ArgumentHelp("Events: morning-coffee (default), webinar or visit.", valueName: "TYPE"),
        completion: .list(EventType.allCases.map(\.rawValue)))
    var eventType: String?

    @Option(help: ArgumentHelp("The site folder (the one that holds content/).", valueName: "DIR"), completion: .directory)
    var root: String = "."

    /// With --translation-of the type may be left out, so a lone word that is not a type is the title.
    private var words: (type: ContentType?, title: String?) {
        if translationOf != nil, title == nil, let type, ContentType(rawValue: type) == nil { return (nil, type) }
        return (type.flatMap(ContentType.init(rawValue:)), title)
    }

    func validate() throws {
        let types = ContentType.allCases.map(\.rawValue).joined(separator: ", ")
        if let type, words.title != type, ContentType(rawValue: type) == nil {
            let guess = Suggestion.nearest(to: type, among: ContentType.allCases.map(\.rawValue)).map { "did you mean '\($0)'? " } ?? ""
            throw ValidationError("unknown type '\(type)': \(guess)the types are \(types)")
        }
        if translationOf == nil {
            guard words.type != nil else { throw ValidationError("say what to create: \(types)") }
            guard let title = words.title, !title.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("give the title in quotes, e.g. tietopankki new article --lang fi \"Otsikko\"")
            }
        }
        if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang must be fi or sv") }
        if let date, CalendarDay(date) == nil { throw ValidationError("--date '\(date)' is not a day; write e.g. 2026-11-23") }
        if let start, LocalTime.parse(start) == nil {
            throw ValidationError("--start '\(start)' is not a time; write e.g. 2026-12-03T08:30 (Helsinki time)")
        }
        if let eventType, EventType(rawValue: eventType) == nil {
            throw ValidationError("--event-type must be one of: \(EventType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if start != nil || eventType != nil, translationOf != nil || words.type != .event {
            throw ValidationError("--start and --event-type are for new events (a translation copies them)")
        }
    }

    func run() throws {
        let day = date.flatMap(CalendarDay.init) ?? CalendarDay(Date())
        if let translationOf {
            try createTranslation(of: translationOf, day: day)
        } else {
            try createItem(day: day)
        }
    }

    private func createItem(day: CalendarDay) throws {
        let site = SiteFolder(root)
        if let problem = site.checkContentFolder() {
            DiagnosticPrinter(pathPrefix: "").print([problem])
            throw ExitCode(ExitStatus.contentErrors)
        }
        guard let type = words.type, let title = words.title else { throw ValidationError("say what to create") }
        var item = NewItem(
            type: type, language: lang.flatMap(Language.init(rawValue:)) ?? .fi, title: title, day: day,
            eventType: eventType.flatMap(EventType.init(rawValue:)) ?? .morningCoffee, start: start)
        if type == .newsletter { item.issue = NewsletterNumbers.next(in: site) }
        guard let name = item.fileName else {
            throw UsageFailure.exit("the title '\(title)' gives no file name", hint: "use letters or digits in the title")
        }
        try NewFileWriter.create(NewItemTemplate.text(for: item), at: site.url(name.path), shownPath: site.shown(name.path))
    }

    private func createTranslation(of path: String, day: CalendarDay) throws {
        let sourceURL = URL(fileURLWithPath: path).standardizedFileURL
        guard let source = ContentFileName.parse(path: sourceURL.path) else {
            throw UsageFailure.exit(
                "--translation-of needs a content file, not '\(path)'", hint: "for example content/articles/NAME.fi.md")
        }
        guard FileManager.default.fileExists(atPath: sourceURL.path) else {
            throw UsageFailure.exit("there is no file \(path)", hint: "give the path of an existing content file")
        }
        if let type = words.type, type != source.type {
            throw UsageFailure.exit("\(path) is of type \(source.type.rawValue), not \(type.rawValue)")
        }
        if let lang, lang != source.language.other.rawValue {
            throw UsageFailure.exit(
                "\(path) is already in '\(lang)'", hint: "its translation is in '\(source.language.other.rawValue)'; leave out --lang")
        }
        let outline: FrontMatterOutline
        switch FrontMatterOutline.read(sourceURL, displayPath: path) {
        case .success(let read): outline = read
        case .failure(let diagnostic):
            DiagnosticPrinter(pathPrefix: "").print([diagnostic])
            throw ExitCode(ExitStatus.contentErrors)
        }
        let text = TranslationDraft.text(
            of: outline, type: source.type, from: source.language, title: words.title, day: day)
        let target = sourceURL.deletingLastPathComponent().appendingPathComponent(source.translation.fileName)
        let shown = (path as NSString).deletingLastPathComponent
        try NewFileWriter.create(
            text, at: target, shownPath: shown.isEmpty ? source.translation.fileName : "\(shown)/\(source.translation.fileName)")
    }
}
