import ArgumentParser
import Building
import Foundation
import Indexing
import Model
import Writing

/// `tietopankki build`: renders the site and swaps it into the output folder.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into output/ (quiet on success: one summary line).",
        discussion: """
            The site is rendered and brought into the previous output tree beside the output folder \
            (.NAME.previous), writing only files whose bytes changed; the two trees are then exchanged in \
            one step, so a failed or killed build leaves the output untouched and unchanged files keep \
            their inode and mtime. The output folder must be missing, empty, hold only .gitkeep, or have \
            been written by tietopankki; a symbolic link is followed. One build of a site runs at a time \
            (a lock beside the output folder).
            Exit codes: 0 success, 1 content errors, 2 usage errors (also a refused output folder), \
            3 I/O or environment problems (another build holds the lock, disk full, permissions).
            """)

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Print nothing on success.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("Wait up to this many seconds for another build of the site to finish.", valueName: "SECONDS"))
    var wait: Double = 0

    @Option(name: .customLong("json-report"), help: ArgumentHelp("Write the outcome, counts and diagnostics as JSON (for monitoring).", valueName: "FILE"))
    var jsonReport: String?

    func validate() throws {
        guard wait.isFinite, (0...86_400).contains(wait) else {
            throw ValidationError("--wait must be between 0 and 86400 seconds (a day)")
        }
    }

    func run() throws {
        var request = site.request()
        request.lockWait = wait
        let environment = ProcessInfo.processInfo.environment
        // Test seams for the fault-injection tests; documented in docs/architecture.md.
        request.holdLockSeconds = environment["TIETOPANKKI_TEST_HOLD_LOCK_SECONDS"].flatMap(Double.init) ?? 0
        request.writeFaults.noSpaceAfterFiles = environment["TIETOPANKKI_TEST_ENOSPC_AFTER_FILES"].flatMap(Int.init)
        request.writeFaults.noInodesForFolders = environment["TIETOPANKKI_TEST_NO_INODES"] != nil
        // Where the report goes is settled before anything is built, so a cron job learns of a wrong
        // path at once and not after a build that left no record.
        let destination = try jsonReport.map { path in
            switch ReportDestination.check(path, for: request) {
            case .success(let destination): return destination
            case .failure(let refusal): throw Self.exit(refusal)
            }
        }
        var report = RunReport(command: "build")
        let status = build(request, into: &report)
        if let destination {
            do { try destination.write(report.json()) } catch { throw Self.exit(error) }
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// Builds and prints the outcome (nothing on success with `--quiet`: warnings then reach only the
    /// report and `check`); returns the exit code.
    private func build(_ request: BuildRequest, into report: inout RunReport) -> Int32 {
        let printer = DiagnosticPrinter(pathPrefix: site.displayPrefix)
        do {
            let result = try SiteBuilder.build(request)
            // The process ends after this: the loaded site is left to the operating system.
            result.site?.keepUntilExit()
            report.succeeded(result)
            if !quiet {
                printer.print(result.warnings)
                print(Self.summary(result))
            }
            return 0
        } catch let failure as BuildFailure {
            report.failed(.contentErrors, failure.diagnostics)
            printer.print(failure.diagnostics)
            FileHandle.standardError.write(Data("Build failed; the previous output was left as it was.\n".utf8))
            return ExitStatus.contentErrors
        } catch let refusal as OutputGuard.Refusal {
            report.failed(.usage, message: refusal.description)
            FileHandle.standardError.write(Data("error: \(refusal)\n\(refusal.hint.map { "    hint: \($0)\n" } ?? "")".utf8))
            return ExitStatus.usage
        } catch let busy as BuildLock.Busy {
            report.failed(.environment, message: busy.description)
            FileHandle.standardError.write(Data("error: \(busy)\n    hint: try again later, or give --wait SECONDS\n".utf8))
            return ExitStatus.environment
        } catch {
            let code = (error as? WriteError)?.code
            report.failed(.environment, message: "cannot write the site: \(error)")
            var text = "error: cannot write the site: \(error)\n"
            if let hint = code.flatMap(FileSystemProblem.hint) { text += "    hint: \(hint)\n" }
            FileHandle.standardError.write(Data((text + "Build failed; the previous output was left as it was.\n").utf8))
            return ExitStatus.environment
        }
    }

    private static func exit(_ refusal: ReportDestination.Refusal) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(refusal.message)\n    hint: \(refusal.hint)\n".utf8))
        return ExitCode(refusal.status)
    }

    /// `Built 338 pages (342 files, 12 written) in 0.41 s; next change 2026-11-26 09:30: events/x moves to past events`.
    static func summary(_ report: BuildReport) -> String {
        var line = "Built \(report.pageCount) pages (\(report.fileCount) files, \(report.written.filesWritten) written) in \(String(format: "%.2f", report.seconds)) s"
        if let next = report.nextChange {
            line += "; next change \(LocalTime.isoMinute(next.moment)): \(next.item) \(next.kind.rawValue)"
        }
        return line
    }
}
