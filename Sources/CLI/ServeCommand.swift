import ArgumentParser
import Building
import Foundation
import Model
import Serving

/// `tietopankki serve`: the site in memory on a loopback address, drafts and future items shown, rebuilt
/// on every save and reloaded in the browser.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: drafts shown, rebuilt and reloaded on every save.",
        discussion: """
            Listens on 127.0.0.1 unless --host says otherwise. Watches content/ and the theme; an edit \
            re-renders only what it affects. After a failed rebuild the last good site stays up with the \
            errors shown over every page until they are fixed. Stop with Ctrl-C.
            """)

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The port (0 picks a free one).")
    var port: Int = 8080

    @Option(name: .long, help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Flag(name: .customLong("no-drafts"), help: "Hide drafts and future items, as the published site does.")
    var noDrafts = false

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0…65535") }
    }

    func run() async throws {
        var request = site.request()
        request.includeDrafts = !noDrafts
        request.includeFuture = !noDrafts
        let printer = DiagnosticPrinter(pathPrefix: site.displayPrefix)
        let started = DispatchTime.now()
        let snapshot: SiteSnapshot
        switch IncrementalBuilder.initial(request) {
        case .failure(let failure):
            printer.print(failure.diagnostics)
            FileHandle.standardError.write(Data("The site does not build; fix the errors above and start again.\n".utf8))
            throw ExitCode(ExitStatus.contentErrors)
        case .success(let built):
            snapshot = built
        }
        printer.print(snapshot.warnings)
        let preview = PreviewSite(snapshot: snapshot)
        let coldStart = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
        if !["127.0.0.1", "::1", "localhost"].contains(host) {
            FileHandle.standardError.write(Data(
                "warning: listening on \(host): anyone who can reach this machine can see drafts\n".utf8))
        }
        let themePath = request.themeDirectory.path.hasPrefix(request.siteDirectory.path + "/")
            ? String(request.themeDirectory.path.dropFirst(request.siteDirectory.path.count + 1)) : "themes/default"
        let watcher = try FileWatcher(root: request.siteDirectory, folders: ["content", themePath]) { paths in
            Task {
                guard let result = await preview.apply(changedPaths: paths, themePath: themePath) else { return }
                if result.ok {
                    say("Rebuilt in \(String(format: "%.1f", result.milliseconds)) ms: \(paths.joined(separator: ", "))")
                } else {
                    printer.print(await preview.currentErrors)
                }
            }
        }
        let server = PreviewServer(site: preview, host: host, port: port)
        let shown = noDrafts ? "as published" : "drafts and future items shown"
        let shownHost = host.contains(":") ? "[\(host)]" : host
        defer { watcher.stop() }
        do {
            try await server.run { boundPort in
                say("Serving the preview at http://\(shownHost):\(boundPort)/ (\(shown); built in \(Int(coldStart)) ms). Stop with Ctrl-C.")
            }
        } catch let failure as PreviewServer.AddressUnavailable {
            throw Self.exit(failure, shownHost: shownHost)
        }
    }

    /// The message for an address the server could not listen on; exit code 3.
    static func exit(_ failure: PreviewServer.AddressUnavailable, shownHost: String) -> ExitCode {
        let text = switch failure.code {
        case EADDRINUSE:
            "error: port \(failure.port) on \(shownHost) is taken: another program (perhaps another preview) listens there\n"
                + "    hint: stop that program, or give another port: --port 8081 (--port 0 picks a free one)\n"
        case EACCES:
            "error: port \(failure.port) needs administrator rights\n    hint: use a port above 1023, e.g. --port 8080\n"
        default:
            "error: cannot listen on \(shownHost): it is not an address of this machine\n"
                + "    hint: leave out --host to listen on 127.0.0.1\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
        return ExitCode(ExitStatus.environment)
    }
}

/// One line to standard output, unbuffered (the output may be a pipe read by a test or a script).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
