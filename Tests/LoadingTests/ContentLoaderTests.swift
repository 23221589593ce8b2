import Foundation
import Loading
import Model
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Loads small sites written on the spot: each test states the front matter it cares about.
@Suite struct ContentLoaderTests {
    static let settings = [
        "content/site.yml": "base_url: https://t.example.fi/\ntitle:\n  fi: Testi\n  sv: Test\n",
        "content/regions.yml": "keski-suomi:\n  fi: Keski-Suomi\n  sv: Mellersta Finland\nuusimaa:\n  fi: Uusimaa\n  sv: Nyland\n",
        "content/themes.yml": "osallisuus:\n  fi: Osallisuus\n  sv: Delaktighet\n",
    ]

    func load(_ files: [String: String]) throws -> (SiteContent?, [Diagnostic]) {
        let site = try TemporarySite()
        defer { site.remove() }
        for (path, text) in Self.settings.merging(files, uniquingKeysWith: { _, new in new }) {
            try site.write(path, text)
        }
        return ContentLoader.load(siteDirectory: site.root)
    }

    @Test func decodesEveryTypeIntoTypedMetadata() throws {
        let (content, diagnostics) = try load([
            "content/articles/a.fi.md": "---\ntitle: Artikkeli\ndate: 2024-03-05\nregions: [keski-suomi]\ntags: [kirjastot]\n---\nTeksti\n",
            "content/articles/a.sv.md": "---\ntitle: Artikel\ndate: 2024-03-05\n---\nText\n",
            "content/practices/p.fi.md": """
                ---
                title: Käytäntö
                date: 2024-01-01
                municipality: Petäjävesi
                status: ongoing
                target_groups: [lapset, nuoret]
                contact: {name: Kulttuurituottaja, role: tuottaja, email: kulttuuri@example.fi}
                links:
                  - title: Sivu
                    url: https://example.fi
                ---
                Body
                """,
            "content/events/e.fi.md": """
                ---
                title: Aamukahvi
                date: 2026-11-01
                event_type: morning-coffee
                start: 2026-11-26T08:30
                end: 2026-11-26T09:30
                online: https://example.fi/meet
                registration: https://example.fi/form
                registration_deadline: 2026-11-25
                ---
                """,
            "content/newsletters/1.fi.md": "---\ntitle: Uutiskirje 1\ndate: 2026-11-01\nissue: 1\nitems: [articles/a]\n---\nIntro\n",
            "content/pages/tietoa.fi.md": "---\ntitle: Tietoa\nmenu: 1\n---\nSivu\n",
        ])
        #expect(diagnostics.filter(\.isError).isEmpty, "\(diagnostics)")
        let items = try #require(content?.items)
        #expect(items.count == 6)
        let practice = try #require(items.first { $0.type == .practice }?.practice)
        #expect(practice.municipalities == ["Petäjävesi"])
        #expect(practice.status == .ongoing)
        #expect(practice.contact?.email == "kulttuuri@example.fi")
        #expect(practice.links == [TitledLink(title: "Sivu", url: "https://example.fi")])
        let event = try #require(items.first { $0.type == .event }?.event)
        #expect(event.eventType == .morningCoffee)
        #expect(event.registrationDeadlineIsDate)
        #expect(items.first { $0.type == .newsletter }?.newsletter?.items.map(\.id.description) == ["articles/a"])
        #expect(items.first { $0.type == .page }?.page?.menu == 1)
        #expect(content?.config.baseURL == "https://t.example.fi")
    }

    /// Each row: a front matter, the line the error must be reported on, and words of the message.
    @Test(arguments: [
        ("title: A\ndate: 2024-01-01\ntitel: x\n", 4, "unknown key 'titel'"),
        ("date: 2024-01-01\n", 2, "missing required key 'title'"),
        ("title: A\ndate: 2024-02-30\n", 3, "'date' is not a valid date"),
        ("title: A\ndate: 2024-01-01\nregions: [keskisuomi]\n", 4, "unknown region 'keskisuomi'"),
        ("title: A\ndate: 2024-01-01\nthemes: [osalisuus]\n", 4, "unknown theme 'osalisuus'"),
        ("title: A\ndate: 2024-01-01\nslug: ../etc\n", 4, "slug '../etc' contains '.'"),
        ("title: [unclosed\ndate: 2024-01-01\n", 3, "invalid YAML"),
        ("title: A\ndate: 2024-01-01\ndraft: yes\n", 4, "'draft' should be true or false"),
        ("title: A\ndate: 2024-01-01\nimage: kuva.jpg\n", 4, "an image needs alternative text"),
    ])
    func reportsFrontMatterErrorsAtTheirLine(frontMatter: String, line: Int, message: String) throws {
        let (_, diagnostics) = try load([
            "content/articles/x.fi.md": "---\n\(frontMatter)---\nBody\n", "content/articles/kuva.jpg": "JPEG",
        ])
        let errors = diagnostics.filter(\.isError)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.location?.path == "content/articles/x.fi.md")
        #expect(errors.first?.location?.line == line, "\(errors)")
        #expect(errors.first?.message.contains(message) == true, "\(errors)")
    }

    @Test func suggestsTheNearestKnownKey() throws {
        let (_, diagnostics) = try load([
            "content/articles/x.fi.md": "---\ntitle: A\ndate: 2024-01-01\nregions: [keskisuomi]\nsumary: x\n---\n",
        ])
        let hints = diagnostics.flatMap(\.hints)
        #expect(hints.contains("did you mean 'keski-suomi'?"))
        #expect(hints.contains("did you mean 'summary'?"))
    }

    @Test(arguments: [
        ("event_type: coffee\nstart: 2026-11-26T08:30\n", "unknown event_type 'coffee'"),
        ("event_type: webinar\nstart: 2026-11-26T08:30\nend: 2026-11-26T08:00\n", "the event ends before it starts"),
        ("event_type: webinar\nstart: 2026-11-26T08:30\nregistration_deadline: 2026-11-27\n", "deadline is after the start"),
        ("event_type: webinar\n", "missing required key 'start'"),
        
    ])
    func checksEvents(keys: String, message: String) throws {
        let (_, diagnostics) = try load([
            "content/events/e.fi.md": "---\ntitle: Tapahtuma\ndate: 2026-11-01\n\(keys)---\n",
        ])
        #expect(diagnostics.filter(\.isError).contains { $0.message.contains(message) }, "\(diagnostics)")
    }

    @Test func readsYAMLTextsWithoutGuessingTypes() throws {
        let (content, _) = try load([
            "content/articles/x.fi.md": "---\ntitle: no\ndate: 2024-01-01\ntags: [017, yes]\n---\n",
        ])
        let item = try #require(content?.items.first)
        #expect(item.common.title == "no")
        #expect(item.common.tags == ["017", "yes"])
    }

    @Test func reportsMisnamedAndMisplacedFiles() throws {
        let (_, diagnostics) = try load([
            "content/articles/x.md": "---\ntitle: A\ndate: 2024-01-01\n---\n",
            "content/artikkelit/y.fi.md": "---\ntitle: A\ndate: 2024-01-01\n---\n",
            "content/z.fi.md": "---\ntitle: A\n---\n",
        ])
        let messages = diagnostics.filter(\.isError).map(\.message)
        #expect(messages.contains("a content file must be named NAME.fi.md or NAME.sv.md"))
        #expect(messages.contains("unknown content folder 'artikkelit'"))
        #expect(messages.contains("a content file must be inside a type folder"))
    }

    @Test func walksTypeFoldersAsEditorsKeepThem() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        for (path, text) in Self.settings { try site.write(path, text) }
        let item = "---\ntitle: A\ndate: 2024-01-01\n---\nTeksti.\n"
        try site.write("content/articles/b.fi.md", item)
        try site.write("content/articles/a.sv.md", item)
        try site.write("content/articles/.luonnos.fi.md", item)  // hidden: an editor's scratch file
        try site.write("content/articles/.git/x.fi.md", item)  // hidden folder: never walked
        try site.write("content/articles/kuvat/kartta.png", "png")
        try site.write("content/articles/kuvat/syva/liite.pdf", "pdf")
        try site.write("content/articles/kuvat/sisalla.fi.md", item)
        try FileManager.default.createSymbolicLink(
            atPath: site.url("content/articles/linkki.fi.md").path, withDestinationPath: "b.fi.md")
        try FileManager.default.createSymbolicLink(
            atPath: site.url("content/articles/kuvat-linkki").path, withDestinationPath: "kuvat")

        let (content, diagnostics) = ContentLoader.load(siteDirectory: site.root)
        let items = try #require(content).items.map(\.path)
        #expect(items == ["content/articles/a.sv.md", "content/articles/b.fi.md", "content/articles/linkki.fi.md"])
        #expect(content?.assets.map(\.contentPath) == ["articles/kuvat/kartta.png", "articles/kuvat/syva/liite.pdf"])
        let errors = diagnostics.filter(\.isError).map { "\($0.location?.path ?? ""): \($0.message)" }
        #expect(errors == ["content/articles/kuvat/sisalla.fi.md: content files go directly in content/articles/"])
    }

    @Test func reportsErrorsOfAllFilesTogether() throws {
        let (_, diagnostics) = try load([
            "content/articles/a.fi.md": "---\ndate: 2024-01-01\n---\n",
            "content/articles/b.fi.md": "---\ntitle: B\n---\n",
            "content/articles/c.fi.md": "no front matter\n",
        ])
        let paths = Set(diagnostics.filter(\.isError).compactMap(\.location?.path))
        #expect(paths == ["content/articles/a.fi.md", "content/articles/b.fi.md", "content/articles/c.fi.md"])
    }

    @Test func aTagWithoutLettersOrDigitsIsAnErrorAtItsLine() throws {
        let (_, diagnostics) = try load([
            "content/articles/a.fi.md": "---\ntitle: A\ndate: 2026-01-01\ntags:\n  - juhla\n  - 🎉\n  - \"!!!\"\n  - \"\"\n---\n",
        ])
        let errors = diagnostics.filter(\.isError).map(\.description)
        #expect(errors.count == 3, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("content/articles/a.fi.md:6:5: error: the tag '🎉' has no letters or digits") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("content/articles/a.fi.md:7:5: error: the tag '!!!' has no letters or digits") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("content/articles/a.fi.md:8:5: error: an empty tag") }, "\(errors)")
    }

    @Test func moreTagsOnOneItemThanTheLimitIsAnErrorAtTheFirstOneOver() throws {
        let tags = (1...(ContentLimits.tagsPerItem + 5)).map { "  - t\($0)\n" }.joined()
        let (content, diagnostics) = try load(["content/articles/a.fi.md": "---\ntitle: A\ndate: 2026-01-01\ntags:\n\(tags)---\n"])
        let errors = diagnostics.filter(\.isError).map(\.description)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix("content/articles/a.fi.md:\(5 + ContentLimits.tagsPerItem):5: error: more than \(ContentLimits.tagsPerItem) tags on one item") == true, "\(errors)")
        #expect(content?.items.isEmpty == true)
    }

    @Test func moreTermsInAVocabularyThanTheLimitIsAnError() throws {
        let terms = (0...ContentLimits.vocabularyTerms).map { "t\($0):\n  fi: T\n  sv: T\n" }.joined()
        let (_, diagnostics) = try load(["content/themes.yml": terms])
        let errors = diagnostics.filter(\.isError).map(\.description)
        #expect(errors.first?.hasPrefix("content/themes.yml:\(3 * ContentLimits.vocabularyTerms + 1):1: error: more than \(ContentLimits.vocabularyTerms) terms") == true, "\(errors)")
    }

    @Test func aWallTimeTheClockChangeSkipsOrRepeatsIsAWarningNamingTheMoment() throws {
        let event = { (start: String) in
            "---\ntitle: Webinaari\ndate: 2026-01-01\nevent_type: webinar\nstart: \(start)\nonline: https://example.fi/m\n---\n"
        }
        let (content, diagnostics) = try load([
            "content/events/kevat.fi.md": event("2026-03-29T03:30"),
            "content/events/syksy.fi.md": event("2026-10-25T03:30"),
        ])
        #expect(content?.items.count == 2)
        let messages = diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("content/events/kevat.fi.md:5:8: warning: the time in 'start' does not exist in Helsinki (clocks go forward an hour); read as 2026-03-29 04:30 (UTC+3)") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("content/events/syksy.fi.md:5:8: warning: the time in 'start' happens twice in Helsinki (clocks go back an hour); read as the first, 2026-10-25 03:30 (UTC+3)") }, "\(messages)")
        #expect(diagnostics.filter(\.isError).isEmpty, "\(diagnostics)")
    }
}

/// Content that could crash, hang or leak a build: each becomes a located error instead.
@Suite struct RobustReadingTests {
    func load(_ prepare: (TemporarySite) throws -> Void) throws -> [Diagnostic] {
        let site = try TemporarySite()
        defer { site.remove() }
        for (path, text) in ContentLoaderTests.settings { try site.write(path, text) }
        try prepare(site)
        return ContentLoader.load(siteDirectory: site.root).1
    }

    func message(for path: String, in diagnostics: [Diagnostic]) -> String? {
        diagnostics.first { $0.location?.path == path && $0.isError }?.message
    }

    @Test func aSymlinkLoopIsAnError() throws {
        let diagnostics = try load { site in
            try FileManager.default.createDirectory(at: site.url("content/articles"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: site.url("content/articles/a.fi.md").path, withDestinationPath: "b.fi.md")
            try FileManager.default.createSymbolicLink(atPath: site.url("content/articles/b.fi.md").path, withDestinationPath: "a.fi.md")
        }
        #expect(message(for: "content/articles/a.fi.md", in: diagnostics)?.contains("broken or loops") == true, "\(diagnostics)")
    }

    @Test func aSymlinkOutOfTheContentFolderIsAnError() throws {
        let diagnostics = try load { site in
            try site.write("secret.txt", "salasana")
            try FileManager.default.createDirectory(at: site.url("content/articles"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: site.url("content/articles/x.fi.md").path, withDestinationPath: "/etc/passwd")
            try FileManager.default.createSymbolicLink(atPath: site.url("content/articles/kuva.png").path, withDestinationPath: site.url("secret.txt").path)
        }
        #expect(message(for: "content/articles/x.fi.md", in: diagnostics)?.contains("points outside content/") == true, "\(diagnostics)")
        #expect(message(for: "content/articles/kuva.png", in: diagnostics)?.contains("points outside content/") == true, "\(diagnostics)")
    }

    @Test func aHugeFileIsRefusedWithoutReadingIt() throws {
        let diagnostics = try load { site in
            try site.write("content/articles/iso.fi.md", "---\ntitle: Iso\n")
            let handle = try FileHandle(forWritingTo: site.url("content/articles/iso.fi.md"))
            try handle.truncate(atOffset: 50 * 1024 * 1024)
            try handle.close()
        }
        #expect(message(for: "content/articles/iso.fi.md", in: diagnostics)?.contains("too large (50 MB") == true, "\(diagnostics)")
    }

    @Test func aPipeNamedLikeContentDoesNotHangTheBuild() throws {
        let diagnostics = try load { site in
            try FileManager.default.createDirectory(at: site.url("content/articles"), withIntermediateDirectories: true)
            #expect(mkfifo(site.url("content/articles/putki.fi.md").path, 0o644) == 0)
        }
        #expect(message(for: "content/articles/putki.fi.md", in: diagnostics)?.contains("not a regular file") == true, "\(diagnostics)")
    }

    @Test func aYAMLAliasBombIsHarmless() throws {
        let bomb = """
            ---
            title: Pommi
            date: 2026-01-01
            a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]
            b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
            c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
            d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
            e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
            f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
            tags: [*f, *f, *f, *f, *f, *f, *f, *f, *f]
            ---

            """
        let started = Date()
        let diagnostics = try load { site in try site.write("content/articles/pommi.fi.md", bomb) }
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(diagnostics.contains { $0.location?.path == "content/articles/pommi.fi.md" && $0.isError })
    }

    @Test func anEmptyFileAndAFolderNamedLikeContentAreErrors() throws {
        let diagnostics = try load { site in
            try site.write("content/articles/tyhja.fi.md", "")
            try FileManager.default.createDirectory(at: site.url("content/articles/kansio.fi.md"), withIntermediateDirectories: true)
        }
        #expect(message(for: "content/articles/tyhja.fi.md", in: diagnostics) == "the file does not start with front matter")
        #expect(message(for: "content/articles/kansio.fi.md", in: diagnostics) == "a folder is named like a content file")
    }
}

