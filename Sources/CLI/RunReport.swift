import Building
import Foundation
import Indexing
import Model

/// The JSON a monitoring job reads after a run (`--json-report FILE`): outcome, exit code, counts,
/// every diagnostic and the next scheduled change. Keys are sorted so reports diff cleanly.
struct RunReport {
    enum Outcome: String {
        case success, contentErrors = "content-errors", usage, environment
    }

    var command: String
    var outcome = Outcome.success
    var fields: [String: Any] = [:]

    init(command: String) {
        self.command = command
    }

    mutating func succeeded(_ report: BuildReport) {
        outcome = .success
        fields["pages"] = report.pageCount
        fields["files"] = report.fileCount
        fields["filesWritten"] = report.written.filesWritten
        fields["filesLinked"] = report.written.filesLinked
        fields["entriesRemoved"] = report.written.entriesRemoved
        fields["seconds"] = (report.seconds * 1000).rounded() / 1000
        fields["warnings"] = report.warnings.map(Self.json)
        if let next = report.nextChange {
            fields["nextChange"] = [
                "moment": LocalTime.isoMinute(next.moment), "item": next.item.description, "path": next.path,
                "change": next.kind.rawValue,
            ]
        }
    }

    mutating func failed(_ outcome: Outcome, _ diagnostics: [Diagnostic] = [], message: String? = nil) {
        self.outcome = outcome
        fields["errors"] = diagnostics.filter(\.isError).map(Self.json)
        fields["warnings"] = diagnostics.filter { !$0.isError }.map(Self.json)
        if let message { fields["message"] = message }
    }

    static func json(_ diagnostic: Diagnostic) -> [String: Any] {
        var object: [String: Any] = ["severity": diagnostic.severity.rawValue, "message": diagnostic.message]
        if let location = diagnostic.location {
            object["path"] = location.path
            object["line"] = location.line
            object["column"] = location.column
        }
        if !diagnostic.hints.isEmpty { object["hints"] = diagnostic.hints }
        return object
    }

    var exitCode: Int32 {
        switch outcome {
        case .success: 0
        case .contentErrors: ExitStatus.contentErrors
        case .usage: ExitStatus.usage
        case .environment: ExitStatus.environment
        }
    }

    /// The report as pretty-printed JSON with sorted keys and a final newline.
    func json() -> Data {
        var object = fields
        object["command"] = command
        object["outcome"] = outcome.rawValue
        object["exitCode"] = Int(exitCode)
        // Only strings, numbers, arrays and dictionaries go in: serialising cannot fail.
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])) ?? Data("{}".utf8)
        return data + Data("\n".utf8)
    }
}
