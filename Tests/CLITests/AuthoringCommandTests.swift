import Foundation
import TestSupport
import Testing

/// `new`, `translations` and `newsletter draft` run as editors run them, on a copy of the basic site.
@Suite struct AuthoringCommandTests {
    static let now = CommandLineTests.now
    let tool = CommandLineTests()

    func text(_ site: TemporarySite, _ path: String) throws -> String {
        try String(contentsOf: site.url(path), encoding: .utf8)
    }

    /// Removes the `draft: true` line, as the editor does when the item is ready.
    func publish(_ site: TemporarySite, _ path: String) throws {
        let lines = try text(site, path).components(separatedBy: "\n").filter { !$0.hasPrefix("draft: true") }
        try site.write(path, lines.joined(separator: "\n"))
    }

    static let newItems: [(arguments: [String], path: String)] = [
        (["article", "--lang", "fi", "Kirjasto kylän olohuoneena"], "content/articles/2026-11-23-kirjasto-kylan-olohuoneena.fi.md"),
        (["article", "--lang", "sv", "Biblioteket som byns vardagsrum"], "content/articles/2026-11-23-biblioteket-som-byns-vardagsrum.sv.md"),
        (["practice", "--lang", "fi", "Kulttuuribussi saaristossa"], "content/practices/2026-11-23-kulttuuribussi-saaristossa.fi.md"),
        (["practice", "--lang", "sv", "Kulturbuss i skärgården"], "content/practices/2026-11-23-kulturbuss-i-skargarden.sv.md"),
        (["event", "--lang", "fi", "--event-type", "webinar", "--start", "2027-02-04T13:00", "Webinaari: kulttuuri & hyvinvointi"],
         "content/events/2027-02-04-webinaari-kulttuuri-hyvinvointi.fi.md"),
        (["event", "--lang", "sv", "--event-type", "visit", "Kommunbesök i Jakobstad"], "content/events/2026-11-23-kommunbesok-i-jakobstad.sv.md"),
        (["page", "--lang", "fi", "Usein kysyttyä"], "content/pages/usein-kysyttya.fi.md"),
        (["page", "--lang", "sv", "Vanliga frågor"], "content/pages/vanliga-fragor.sv.md"),
        (["newsletter", "--lang", "fi", "Uutiskirje 2/2026"], "content/newsletters/2.fi.md"),
        (["newsletter", "--lang", "sv", "Nyhetsbrev 3/2026"], "content/newsletters/3.sv.md"),
    ]

    @Test func createsEveryTypeInBothLanguagesAndTheFilesBuildCleanly() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        for (arguments, path) in Self.newItems {
            let result = try tool.run(["new"] + arguments + ["--date", "2026-11-23"], in: site.root)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stdout == path + "\n")
            #expect(try text(site, path).contains("\ndraft: true"))
        }
        // Drafts are left out of a normal build; once published, each file builds without a warning.
        let asDrafts = try tool.run(["check", "--now", Self.now], in: site.root)
        #expect(asDrafts.status == 0, "\(asDrafts.stderr)")
        for (_, path) in Self.newItems { try publish(site, path) }
        let published = try tool.run(["check", "--now", Self.now, "--future"], in: site.root)
        #expect(published.status == 0, "\(published.stderr)")
        // Apart from check's translation to-do list (each new file exists in one language only).
        let warnings = published.stderr.split(separator: "\n").filter { !$0.contains(" version") && !$0.hasPrefix("    hint:") }
        for (_, path) in Self.newItems {
            #expect(!warnings.contains { $0.contains(path) }, "\(published.stderr)")
        }
        let built = try tool.run(["build", "--now", Self.now, "--future"], in: site.root)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.url("output/fi/artikkelit/kirjasto-kylan-olohuoneena/index.html").path))
        #expect(FileManager.default.fileExists(atPath: site.url("output/sv/nyhetsbrev/3/email.html").path))
    }

    @Test func refusesToOverwriteAnExistingFile() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        let arguments = ["new", "article", "--lang", "fi", "--date", "2026-11-23", "Otsikko"]
        #expect(try tool.run(arguments, in: site.root).status == 0)
        let path = "content/articles/2026-11-23-otsikko.fi.md"
        try site.write(path, "---\ntitle: Otsikko\ndate: 2026-11-23\n---\nToimittajan teksti.\n")
        let again = try tool.run(arguments, in: site.root)
        #expect(again.status == 1)
        #expect(again.stdout.isEmpty)
        #expect(again.stderr.contains("\(path): error: the file already exists; it was left as it was"))
        #expect(again.stderr.contains("hint:"))
        #expect(try text(site, path).contains("Toimittajan teksti."))
    }

    @Test func startsATranslationBesideItsSource() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        let source = "content/articles/2026-06-10-raakahtml.fi.md"
        let result = try tool.run(["new", "--translation-of", source], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        let target = "content/articles/2026-06-10-raakahtml.sv.md"
        #expect(result.stdout == target + "\n")
        let translation = try text(site, target)
        #expect(translation.contains("title: \"ÖVERSÄTT: "))
        #expect(translation.contains("\ndate: 2026-06-10\n"))

        let report = try tool.run(["translations"], in: site.root)
        #expect(report.status == 0)
        #expect(report.stdout.contains("articles/2026-06-10-raakahtml  2026-06-10"))
        #expect(report.stdout.contains("sv not translated yet"))

        try publish(site, target)
        let check = try tool.run(["check", "--now", Self.now], in: site.root)
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func takesTheTranslatedTitleAndAPathFromElsewhere() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        let source = site.url("content/articles/2026-09-01-aland.sv.md").path
        let result = try tool.run(["new", "--translation-of", source, "Ahvenanmaa"], in: Repository.root)
        #expect(result.status == 0, "\(result.stderr)")
        let target = "content/articles/2026-09-01-aland.fi.md"
        #expect(result.stdout == site.url(target).path + "\n")
        #expect(try text(site, target).hasPrefix("---\ntitle: Ahvenanmaa\n"))
    }

    @Test(arguments: [
        ["new", "--translation-of", "content/articles/ei-ole.fi.md"],
        ["new", "--translation-of", "content/site.yml"],
        ["new", "--translation-of", "content/articles/2026-06-10-raakahtml.fi.md", "--lang", "fi"],
        ["new", "event", "--translation-of", "content/articles/2026-06-10-raakahtml.fi.md"],
        ["new"], ["new", "article"], ["new", "artikel", "Otsikko"], ["new", "article", "!!!"],
        ["new", "article", "Otsikko", "--date", "2026-13-01"], ["new", "article", "Otsikko", "--lang", "en"],
        ["new", "article", "Otsikko", "--start", "2026-12-01T10:00"], ["new", "event", "X", "--event-type", "party"],
        ["new", "--translation-of", "content/events/2026-11-26-aamukahvi.fi.md", "--start", "2026-12-01T10:00"],
        ["newsletter", "draft", "--since", "eilen"],
    ])
    func exitsWithTwoOnUsageErrors(arguments: [String]) throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        let result = try tool.run(arguments, in: site.root)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test func draftsTheNextNewsletterIssue() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        let result = try tool.run(["newsletter", "draft", "--lang", "fi", "--now", Self.now], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        let path = "content/newsletters/2.fi.md"
        #expect(result.stdout.hasPrefix(path + "\n"))
        #expect(result.stdout.contains("Issue 2: "))
        let issue = try text(site, path)
        #expect(issue.contains("\nissue: 2 "))
        #expect(issue.contains("\ndate: 2026-11-23 "))
        #expect(issue.contains("\n  - events/2026-11-26-aamukahvi"))
        #expect(issue.contains("\n  - events/2026-12-10-webinaari-saavutettavuus"))
        #expect(!issue.contains("2026-11-01-luonnos"), "a draft is not listed")
        #expect(!issue.contains("2027-01-15-tuleva"), "a future item is not listed")

        try publish(site, path)
        let check = try tool.run(["check", "--now", Self.now], in: site.root)
        #expect(check.status == 0, "\(check.stderr)")
        let printed = try tool.run(["newsletter", "2", "--format", "text", "--now", Self.now], in: site.root)
        #expect(printed.status == 0, "\(printed.stderr)")

        let next = try tool.run(["newsletter", "draft", "--lang", "sv", "--since", "2026-01-01", "--now", Self.now], in: site.root)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stdout.hasPrefix("content/newsletters/3.sv.md\n"))
    }

    /// `issue: 9223372036854775807` crashed `newsletter draft` (the next number overflowed, exit 132).
    @Test(arguments: ["9223372036854775807", "99999999999999999999"])
    func aHugeIssueNumberIsALocatedErrorNotACrash(issue: String) throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        try site.write("content/newsletters/7.fi.md", "---\ntitle: Iso\ndate: 2026-11-01\nissue: \(issue)\n---\nTeksti\n")
        let result = try tool.run(["newsletter", "draft", "--lang", "fi", "--now", Self.now], in: site.root)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("content/newsletters/7.fi.md:4:8: error: 'issue' must be between 1 and 9999"), "\(result.stderr)")
        try site.write("content/newsletters/7.fi.md", "---\ntitle: Iso\ndate: 2026-11-01\nissue: 7\n---\nTeksti\n")
        try site.write("content/newsletters/\(issue).fi.md", "---\ntitle: Iso\ndate: 2026-11-01\nissue: 8\n---\nTeksti\n")
        let named = try tool.run(["newsletter", "draft", "--lang", "fi", "--now", Self.now], in: site.root)
        #expect(named.status != 132 && named.status != 0 || named.stdout.contains("Issue 9:"), "\(named.stderr)")
    }

    @Test(arguments: [["newsletter", "9223372036854775807"], ["build", "--wait", "1e300"], ["build", "--wait", "nan"]])
    func numbersOnTheCommandLineAreBounded(arguments: [String]) throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        let result = try tool.run(arguments, in: site.root)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("between"), "\(result.stderr)")
    }

    @Test func keepsPrintingAnIssueWithOrWithoutTheWordPrint() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        let short = try tool.run(["newsletter", "1", "--format", "text"], in: site.root)
        let long = try tool.run(["newsletter", "print", "1", "--format", "text"], in: site.root)
        #expect(short.status == 0, "\(short.stderr)")
        #expect(!short.stdout.isEmpty)
        #expect(short.stdout == long.stdout)
    }

    @Test func reportsTranslationsAndExitsWithZero() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        let result = try tool.run(["translations"], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("item "))
        #expect(result.stdout.contains("articles/2026-09-01-aland"))
        #expect(result.stdout.contains("fi missing"))
        #expect(result.stdout.contains("sv missing"))
        #expect(result.stdout.hasSuffix("4 to check: 4 missing a translation\n"))
    }

    @Test(arguments: ["bash", "zsh"])
    func generatesShellCompletion(shell: String) throws {
        let result = try tool.run(["--generate-completion-script", shell], in: Repository.root)
        #expect(result.status == 0, "\(result.stderr)")
        for word in ["build", "check", "new", "newsletter", "translations", "--translation-of", "morning-coffee"] {
            #expect(result.stdout.contains(word), "no '\(word)' in the \(shell) completion")
        }
    }
}
