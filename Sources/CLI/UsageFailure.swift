import ArgumentParser
import Foundation

/// A usage problem found only while running (a path that does not exist, a missing `--since`): printed
/// as `error: …` with a hint, without the usage summary that belongs to parsing errors; exit code 2.
enum UsageFailure {
    static func exit(_ message: String, hint: String? = nil) -> ExitCode {
        var text = "error: \(message)\n"
        if let hint { text += "    hint: \(hint)\n" }
        FileHandle.standardError.write(Data(text.utf8))
        return ExitCode(ExitStatus.usage)
    }
}
