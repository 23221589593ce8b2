/// One finding of a build: an error stops the build, a warning does not.
/// Printed as `path:line:column: error: message` followed by `hint:` lines.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    public var hints: [String]

    public init(_ severity: Severity, _ location: SourceLocation?, _ message: String, hints: [String] = []) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hints = hints
    }

    public static func error(_ location: SourceLocation?, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, location, message, hints: hint.map { [$0] } ?? [])
    }

    public static func warning(_ location: SourceLocation?, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, location, message, hints: hint.map { [$0] } ?? [])
    }

    public var isError: Bool { severity == .error }

    /// The compiler-style text of the diagnostic, one line plus one line per hint.
    public var description: String {
        var text = location.map { "\($0): " } ?? ""
        text += "\(severity.rawValue): \(message)"
        for hint in hints {
            text += "\n    hint: \(hint)"
        }
        return text
    }
}

/// Sorts diagnostics by file and line so a run's report reads top to bottom, then by message so the
/// order is stable whatever order parallel work finished in.
public func sortedDiagnostics(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.sorted { a, b in
        let left = a.location ?? SourceLocation(path: "")
        let right = b.location ?? SourceLocation(path: "")
        if left != right { return left < right }
        return a.message < b.message
    }
}

/// Thrown when a stage finished with errors; carries every diagnostic of the run.
public struct BuildFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}
