import Foundation
import Model

/// Turns a file's bytes into text the rest of the pipeline can rely on: valid UTF-8, no byte-order
/// mark, `\n` line endings.
enum SourceText {
    /// Decodes `bytes`, or returns an error located at the first byte that is not UTF-8.
    static func decode(_ bytes: [UInt8], path: String) -> Result<String, Diagnostic> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            let location = firstInvalidByte(in: body, path: path)
            return .failure(.error(
                location, "the file is not valid UTF-8 text",
                hint: "save the file as UTF-8 (most editors: \"Save with encoding\" → UTF-8)"))
        }
        return .success(normalizeLineEndings(text))
    }

    /// Replaces Windows line endings with `\n` so line numbers and front matter markers work alike.
    static func normalizeLineEndings(_ text: String) -> String {
        var text = text
        guard text.withUTF8({ $0.count > 0 && memchr($0.baseAddress!, 13, $0.count) != nil }) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n")
    }

    private static func firstInvalidByte(in bytes: ArraySlice<UInt8>, path: String) -> SourceLocation {
        var line = 1
        var column = 1
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == 10 {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error:
                return SourceLocation(path: path, line: line, column: column)
            case .emptyInput:
                return SourceLocation(path: path, line: line, column: column)
            }
        }
    }
}
