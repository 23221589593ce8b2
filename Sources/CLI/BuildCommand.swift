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

    func run() throws {
        let printer = DiagnosticPrinter(pathPrefix: site.displayPrefix)
        var request = site.request()
        request.lockWait = wait
        request.processEndsAfterBuild = true
        let environment = ProcessInfo.processInfo.environment
        // Test seams for the fault-injection tests; documented in docs/architecture.md.
        request.holdLockSeconds = environment["TIETOPANKKI_TEST_HOLD_LOCK_SECONDS"].flatMap(Double.init) ?? 0
        request.writeFaults.noSpaceAfterFiles = environment["TIETOPANKKI_TEST_ENOSPC_AFTER_FILES"].flatMap(Int.init)
        var report = RunReport(command: "build")
        defer { if let jsonReport { report.write(to: jsonReport) } }
        do {
            let result = try SiteBuilder.build(request)
            report.succeeded(result)
            printer.print(result.warnings)
            if !quiet { print(Self.summary(result)) }
        } catch let failure as BuildFailure {
            report.failed(.contentErrors, failure.diagnostics)
            printer.print(failure.diagnostics)
            FileHandle.standardError.write(Data("Build failed; the previous output was left as it was.\n".utf8))
            throw ExitCode(ExitStatus.contentErrors)
        } catch let refusal as OutputGuard.Refusal {
            report.failed(.usage, message: refusal.description)
            FileHandle.standardError.write(Data("error: \(refusal)\n\(refusal.hint.map { "    hint: \($0)\n" } ?? "")".utf8))
            throw ExitCode(ExitStatus.usage)
        } catch let busy as BuildLock.Busy {
            report.failed(.environment, message: busy.description)
            FileHandle.standardError.write(Data("error: \(busy)\n    hint: try again later, or give --wait SECONDS\n".utf8))
            throw ExitCode(ExitStatus.environment)
        } catch let error as WriteError {
            report.failed(.environment, message: "cannot write the site: \(error)")
            FileHandle.standardError.write(Data(
                "error: cannot write the site: \(error)\nBuild failed; the previous output was left as it was.\n".utf8))
            throw ExitCode(ExitStatus.environment)
        }
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
