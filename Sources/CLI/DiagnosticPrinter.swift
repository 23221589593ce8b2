import Foundation
import Model

/// Prints diagnostics to standard error as `path:line:column: error: message` plus `hint:` lines,
/// in colour only when standard error is a terminal.
struct DiagnosticPrinter {
    var pathPrefix: String
    var colour = isatty(STDERR_FILENO) == 1

    func print(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        var text = ""
        for diagnostic in diagnostics {
            var shown = diagnostic
            if var location = shown.location {
                location.path = pathPrefix + location.path
                shown.location = location
            }
            var line = shown.description
            if colour {
                let label = "\(diagnostic.severity.rawValue):"
                let code = diagnostic.isError ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
                if let range = line.range(of: label) {
                    line.replaceSubrange(range, with: "\(code)\(label)\u{1B}[0m")
                }
            }
            text += line + "\n"
        }
        let errors = diagnostics.filter(\.isError).count
        let warnings = diagnostics.count - errors
        if errors > 0 || warnings > 0 {
            text += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
