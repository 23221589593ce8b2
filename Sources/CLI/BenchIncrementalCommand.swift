import ArgumentParser
import Building
import Foundation
import Indexing
import Model
import Serving

/// `tietopankki bench-incremental`: how long the preview takes from a saved edit to the reload event,
/// through the same watcher, incremental builder and event broadcast that `serve` uses (no HTTP). Used
/// by `make bench`; the edited file is restored afterwards.
struct BenchIncrementalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-incremental",
        abstract: "Measure the preview's saved-edit-to-reload latency (for make bench).",
        discussion: """
            Builds the site in memory as 'serve' does (the cold start), then saves one edit (--edit body: a \
            paragraph added to an article; title: the article's title changed, its address kept; template: \
            article.mustache changed), waits for the reload event and restores the file. Prints the cold \
            start, the rebuild time and, last, the latency from the save to the reload event.
            """)

    enum Edit: String, ExpressibleByArgument, CaseIterable {
        case body, title, template
    }

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "What to edit: body, title or template.")
    var edit: Edit = .body

    func run() async throws {
        var request = site.request()
        request.includeDrafts = true
        request.includeFuture = true
        let started = DispatchTime.now()
        guard case .success(let first) = IncrementalBuilder.initial(request) else {
            FileHandle.standardError.write(Data("error: the site does not build; run 'tietopankki check'\n".utf8))
            throw ExitCode(ExitStatus.contentErrors)
        }
        var coldStart = milliseconds(since: started)

        let root = request.siteDirectory
        let target: String
        let article = first.index.list(.article, .fi).first
        switch edit {
        case .body, .title:
            guard let article else { throw ValidationError("the site has no Finnish article to edit") }
            target = article.path
        case .template:
            target = "themes/default/templates/article.mustache"
        }
        let file = root.appendingPathComponent(target)
        let original = try String(contentsOf: file, encoding: .utf8)
        defer { try? original.write(to: file, atomically: true, encoding: .utf8) }
        var before = original
        var snapshot = first
        // A title edit measures a title edit: without a `slug` the slug comes from the title, and the
        // edit would move the page (every link to it changes). The article gets its own slug written
        // out first — the same address, so the same site — and the serve-like start is made again.
        if edit == .title, !original.split(separator: "\n").contains(where: { $0.hasPrefix("slug:") }),
           let article {
            before = original.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasPrefix("title:") ? $0 + "\nslug: \(SiteIndexer.slug(of: article))" : String($0) }
                .joined(separator: "\n")
            try before.write(to: file, atomically: true, encoding: .utf8)
            let restarted = DispatchTime.now()
            guard case .success(let again) = IncrementalBuilder.initial(request) else {
                throw ExitCode(ExitStatus.contentErrors)
            }
            snapshot = again
            coldStart = milliseconds(since: restarted)
        }
        say("cold start (serve's initial build): \(format(coldStart)) ms, \(snapshot.paths.count) files")
        let edited: String
        switch edit {
        case .body: edited = original + "\nLisätty kappale mittausta varten.\n"
        case .title:
            edited = before.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasPrefix("title:") ? "title: \"Mitattu otsikko\"" : $0 }.joined(separator: "\n")
        case .template: edited = original + "{{! measured }}\n"
        }

        let preview = PreviewSite(snapshot: snapshot)
        let (id, events) = await preview.subscribe()
        let themePath = "themes/default"
        let rebuild = RebuildTimer()
        let watcher = try FileWatcher(root: root, folders: ["content", themePath]) { paths in
            Task {
                if let result = await preview.apply(changedPaths: paths, themePath: themePath) {
                    rebuild.set(result.milliseconds)
                    if !result.ok {
                        let errors = await preview.currentErrors.map(\.description).joined(separator: "\n")
                        FileHandle.standardError.write(Data("the edit broke the build:\n\(errors)\n".utf8))
                    }
                }
            }
        }
        defer { watcher.stop() }
        try await Task.sleep(nanoseconds: 200_000_000)  // let the watches settle
        let saved = DispatchTime.now()
        try edited.write(to: file, atomically: false, encoding: .utf8)
        for await event in events where event.hasPrefix("event: reload") { break }
        let latency = milliseconds(since: saved)
        await preview.unsubscribe(id)
        // The event goes out before the watcher's task records the rebuild time; wait for it.
        for _ in 0..<100 where rebuild.value == 0 { try await Task.sleep(nanoseconds: 10_000_000) }
        if !(await preview.currentErrors.isEmpty) { throw ExitCode(ExitStatus.contentErrors) }
        say("\(edit.rawValue) edit of \(target): rebuild \(format(rebuild.value)) ms; saved edit to reload event \(format(latency)) ms")
    }

    func milliseconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
    }

    func format(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// The rebuild time reported by the watcher's task.
final class RebuildTimer: @unchecked Sendable {
    private let lock = NSLock()
    private var milliseconds = 0.0
    func set(_ value: Double) { lock.withLock { milliseconds = value } }
    var value: Double { lock.withLock { milliseconds } }
}
