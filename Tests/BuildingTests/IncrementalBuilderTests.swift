import Building
import Foundation
import Model
import TestSupport
import Testing

/// The preview server's updates must give exactly what a full build of the edited site gives.
@Suite struct IncrementalBuilderTests {
    func request(_ site: TemporarySite) -> BuildRequest {
        var request = fixtureRequest(site, drafts: true)
        request.includeFuture = true
        return request
    }

    /// Applies `edit`, updates incrementally, and compares every file with a fresh full render.
    func expectSameAsFullBuild(
        _ changes: Set<SiteChange>, prepare: (TemporarySite) throws -> Void = { _ in }, edit: (TemporarySite) throws -> Void,
        expectFull: Bool? = nil
    ) throws -> IncrementalBuilder.Update {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        try prepare(site)
        let snapshot = try IncrementalBuilder.initial(request(site)).get()
        try edit(site)
        var update = try IncrementalBuilder.update(snapshot, with: changes).get()
        if let expectFull { #expect(update.fullRebuild == expectFull) }
        let incremental = update.snapshot.allFiles()
        let full = try SiteBuilder.render(request(site)).get().files
        #expect(incremental.map(\.path) == full.map(\.path).sorted())
        let fullByPath = Dictionary(uniqueKeysWithValues: full.map { ($0.path, $0) })
        for file in incremental where fullByPath[file.path] != file {
            Issue.record("\(file.path) differs from a full build")
        }
        return update
    }

    static let article = "content/articles/2026-03-05-kulttuuri-ja-hyvinvointi.fi.md"

    func replace(_ site: TemporarySite, _ path: String, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: site.url(path), encoding: .utf8)
        #expect(text.contains(old), "fixture changed: \(old) not in \(path)")
        try site.write(path, text.replacingOccurrences(of: old, with: new))
    }

    @Test func aBodyEditRendersOnlyWhatShowsTheBody() throws {
        let update = try expectSameAsFullBuild([.contentFile(Self.article)], edit: { site in
            let text = try String(contentsOf: site.url(Self.article), encoding: .utf8)
            try site.write(Self.article, text + "\nUusi kappale lopussa.\n")
        }, expectFull: false)
        #expect(update.changedPaths.contains("fi/artikkelit/kulttuuri-hyvinvointi-yhdessa-2026/index.html"))
        #expect(update.changedPaths.count < 10, "\(update.changedPaths.sorted())")
    }

    /// Without a `slug` the slug comes from the title: new words move the page, and every link to it.
    @Test func aTitleEditThatMovesThePageReindexes() throws {
        _ = try expectSameAsFullBuild([.contentFile(Self.article)], edit: { site in
            let text = try String(contentsOf: site.url(Self.article), encoding: .utf8)
            let title = text.split(separator: "\n").first { $0.hasPrefix("title:") }!
            try replace(site, Self.article, String(title), "title: Aivan uusi otsikko")
        }, expectFull: true)
    }

    static let articleTitle = #"title: 'Kulttuuri & hyvinvointi: "Yhdessä" <2026>'"#
    /// The same slug (`kulttuuri-hyvinvointi-yhdessa-2026`): case and punctuation differ, not the words.
    static let sameAddressTitle = #"title: 'KULTTUURI + hyvinvointi – "yhdessä" (2026)'"#

    /// A title edit that keeps the address gives exactly the clean build's files (every one compared,
    /// the aggregates left out of date rendered too) without re-indexing the site.
    @Test func aTitleEditKeepingTheAddressIsTheCleanBuild() throws {
        let update = try expectSameAsFullBuild([.contentFile(Self.article)], edit: { site in
            try replace(site, Self.article, Self.articleTitle, Self.sameAddressTitle)
        }, expectFull: false)
        #expect(update.changedPaths.contains("fi/artikkelit/kulttuuri-hyvinvointi-yhdessa-2026/index.html"))
    }

    /// The pages rendered for a title edit are the pages that show the title: the item's page, its list,
    /// the home page, its term pages and the pages showing it as related — each of them changed in the
    /// clean build, and no page the clean build leaves alone rendered. (Before: every page, re-indexed.)
    @Test func aTitleEditRendersOnlyThePagesThatShowTheTitle() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        let before = try SiteBuilder.render(request(site)).get().files
        let snapshot = try IncrementalBuilder.initial(request(site)).get()
        try replace(site, Self.article, Self.articleTitle, Self.sameAddressTitle)
        let update = try IncrementalBuilder.update(snapshot, with: [.contentFile(Self.article)]).get()
        let after = try SiteBuilder.render(request(site)).get().files
        let beforeByPath = Dictionary(uniqueKeysWithValues: before.map { ($0.path, $0) })
        let differing = Set(after.filter { beforeByPath[$0.path] != $0 }.map(\.path))
        // Feeds, calendars, the sitemap and the search and browse data are rendered when asked for.
        let aggregate = { (path: String) in
            [".xml", ".ics", ".json"].contains { path.hasSuffix($0) } || path.contains("/selaa/") || path.contains("/bladdra/")
        }
        let differingPages = differing.filter { !aggregate($0) }
        #expect(!update.fullRebuild)
        #expect(differingPages.count >= 5, "the edit shows on few pages: \(differingPages.sorted())")
        #expect(update.renderedPages == update.changedPaths.count)
        #expect(update.changedPaths == differingPages,
                "rendered but unchanged: \(update.changedPaths.subtracting(differingPages).sorted()); changed but not rendered: \(differingPages.subtracting(update.changedPaths).sorted())")
        #expect(update.renderedPages < snapshot.paths.count / 5, "\(update.renderedPages) of \(snapshot.paths.count) files rendered")
    }

    /// Events are in more places (upcoming list, type pages, calendars); a Swedish event's title edit
    /// saved together with a body edit, and a new title in other words for a practice with its own
    /// `slug`, also give the clean build.
    @Test func titleEditsOfAnEventAndAPracticeWithTheirBodiesAreTheCleanBuild() throws {
        let event = "content/events/2026-12-10-webinaari-saavutettavuus.sv.md"
        let practice = "content/practices/kulttuurikortti.fi.md"
        let practiceTitle = #"title: 'Kulttuurikortti: "Kaikille" & maksutta <ilmainen>'"#
        let update = try expectSameAsFullBuild([.contentFile(event), .contentFile(practice)], prepare: { site in
            try replace(site, practice, practiceTitle, practiceTitle + "\nslug: kulttuurikortti-kaikille-maksutta-ilmainen")
        }, edit: { site in
            try replace(
                site, event, #"title: Webbinarium – tillgänglighet & "för alla" <december>"#,
                #"title: 'WEBBINARIUM: tillgänglighet – "för alla" (december)'"#)
            let text = try String(contentsOf: site.url(event), encoding: .utf8)
            try site.write(event, text + "\nEtt nytt stycke.\n")
            try replace(site, practice, practiceTitle, "title: Maksuton kulttuurikortti kaikille")
        }, expectFull: false)
        #expect(update.changedPaths.contains("fi/hyvat-kaytannot/kulttuurikortti-kaikille-maksutta-ilmainen/index.html"))
    }

    /// A standing page in the menu shows its title in every page's menu: the slow path, still exact.
    @Test func aMenuPageTitleEditIsTheCleanBuild() throws {
        let page = "content/pages/tietoa.fi.md"
        _ = try expectSameAsFullBuild([.contentFile(page)], edit: { site in
            try replace(site, page, #"title: Tietoa hankkeesta & "meistä""#, "title: Tietoa hankkeesta")
        }, expectFull: true)
    }

    /// Body edits are kept beside the loaded items; a front matter edit afterwards must start from the
    /// edited bodies, not from the files as first loaded. Here the edited body links to the page whose
    /// slug then changes, so the restructure renders that body again from the item it holds.
    @Test func aSlugEditAfterBodyEditsKeepsTheEditedBodies() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        let page = "content/pages/tietoa.fi.md"
        var snapshot = try IncrementalBuilder.initial(request(site)).get()
        let text = try String(contentsOf: site.url(Self.article), encoding: .utf8)
        try site.write(Self.article, text + "\nEnsimmäinen lisäys, [tietoa](../pages/tietoa.fi.md).\n")
        snapshot = try IncrementalBuilder.update(snapshot, with: [.contentFile(Self.article)]).get().snapshot
        try site.write(Self.article, text + "\nEnsimmäinen lisäys, [tietoa](../pages/tietoa.fi.md).\n\nToinen lisäys.\n")
        snapshot = try IncrementalBuilder.update(snapshot, with: [.contentFile(Self.article)]).get().snapshot
        try replace(site, page, "slug: tietoa\n", "slug: tietoa-uusi\n")
        let update = try IncrementalBuilder.update(snapshot, with: [.contentFile(page)]).get()
        #expect(update.fullRebuild)
        var final = update.snapshot
        let incremental = final.allFiles()
        let full = try SiteBuilder.render(request(site)).get().files
        #expect(incremental.map(\.path) == full.map(\.path).sorted())
        let fullByPath = Dictionary(uniqueKeysWithValues: full.map { ($0.path, $0) })
        for file in incremental where fullByPath[file.path] != file {
            Issue.record("\(file.path) differs from a full build")
        }
        let article = incremental.first { $0.path == "fi/artikkelit/kulttuuri-hyvinvointi-yhdessa-2026/index.html" }
        if case .text(let html)? = article?.contents {
            #expect(html.contains("Toinen lisäys.") && html.contains("/tietoa-uusi/"))
        } else {
            Issue.record("the edited article's page is missing")
        }
    }

    @Test func aNewAndADeletedFile() throws {
        _ = try expectSameAsFullBuild(
            [.contentFile("content/articles/2026-11-20-uusi.fi.md"), .contentFile("content/articles/2026-09-01-aland.sv.md")],
            edit: { site in
                try site.write("content/articles/2026-11-20-uusi.fi.md", "---\ntitle: Uusi juttu\ndate: 2026-11-20\nregions: [lappi]\n---\nTeksti.\n")
                try FileManager.default.removeItem(at: site.url("content/articles/2026-09-01-aland.sv.md"))
            })
    }

    @Test func aTemplateEditRendersThePagesThatUseIt() throws {
        let update = try expectSameAsFullBuild([.template("practice")], edit: { site in
            try replace(site, "themes/default/templates/practice.mustache", "<aside class=\"facts\"", "<aside data-x=\"1\" class=\"facts\"")
        })
        #expect(!update.changedPaths.isEmpty)
        #expect(update.changedPaths.allSatisfy { $0.contains("hyvat-kaytannot/") || $0.contains("goda-exempel/") }, "\(update.changedPaths)")
    }

    @Test func aPartialEditRendersEveryPage() throws {
        _ = try expectSameAsFullBuild([.template("card")], edit: { site in
            try replace(site, "themes/default/templates/card.mustache", "<article>", "<article data-card>")
        })
    }

    @Test func aBrokenEditFailsAndKeepsTheSiteThenRecovers() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        let snapshot = try IncrementalBuilder.initial(request(site)).get()
        let original = try String(contentsOf: site.url(Self.article), encoding: .utf8)
        try site.write(Self.article, original.replacingOccurrences(of: "title:", with: "titel:"))
        guard case .failure(let failure) = IncrementalBuilder.update(snapshot, with: [.contentFile(Self.article)]) else {
            Issue.record("a broken front matter was accepted")
            return
        }
        #expect(failure.diagnostics.contains { $0.location?.path == Self.article && $0.isError })
        try site.write(Self.article, original + "\nKorjattu.\n")
        let update = try IncrementalBuilder.update(snapshot, with: [.contentFile(Self.article)]).get()
        var fixed = update.snapshot
        let page = fixed.file(at: "fi/artikkelit/kulttuuri-hyvinvointi-yhdessa-2026/index.html")
        guard case .text(let html)? = page?.contents else {
            Issue.record("the page is missing")
            return
        }
        #expect(html.contains("Korjattu."))
    }
}

@Suite struct ChangeClassifierTests {
    @Test(arguments: [
        ("content/articles/x.fi.md", SiteChange.contentFile("content/articles/x.fi.md")),
        ("content/articles/kuva.jpg", .asset("content/articles/kuva.jpg")),
        ("content/site.yml", .everything),
        ("content/regions.yml", .everything),
        // The logo, favicons and partners' logos are checked with the settings: an edit reads them again.
        ("content/brand/logo.svg", .everything),
        ("content/brand/partners/rahoittaja.svg", .everything),
        ("themes/default/templates/card.mustache", .template("card")),
        ("themes/default/static/site.css", .staticFile("assets/site.css")),
        ("themes/default/i18n/sv.yml", .everything),
        ("themes/default/email/newsletter.css", .everything),
    ])
    func classifiesWhatMatters(path: String, expected: SiteChange) {
        #expect(ChangeClassifier.classify(path) == expected)
    }

    @Test(arguments: [
        "content/articles/.x.fi.md.swp", "content/articles/x.fi.md~", "content/articles/4913", "content/.git/HEAD",
        "output/fi/index.html", "README.md", "content/articles/#x.fi.md#", "themes/default/README.md",
    ])
    func ignoresScratchFilesAndEverythingElse(path: String) {
        #expect(ChangeClassifier.classify(path) == nil)
    }
}
