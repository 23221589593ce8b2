import Foundation
import Model

/// Turns a file's bytes into text the rest of the pipeline can rely on: valid UTF-8, no byte-order
/// mark, `\n` line endings.
package enum SourceText {
    /// Decodes `bytes`, or returns an error located at the first byte that is not UTF-8.
    package static func decode(_ bytes: [UInt8], path: String) -> Result<String, Diagnostic> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let encoding = utf16Encoding(of: body) {
            return .failure(.error(
                SourceLocation(path: path, line: 1, column: 1), "the file is \(encoding) text, not UTF-8",
                hint: "save it as UTF-8 (most editors: \"Save with encoding\" → UTF-8), "
                    + "or convert it: iconv -f \(encoding) -t UTF-8 \(path) > converted.md"))
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            let location = firstInvalidByte(in: body, path: path)
            return .failure(.error(
                location, "the file is not valid UTF-8 text",
                hint: "save the file as UTF-8 (most editors: \"Save with encoding\" → UTF-8)"))
        }
        let normalized = normalizeLineEndings(text)
        if hasOnlyCarriageReturns(normalized) {
            return .failure(.error(
                SourceLocation(path: path, line: 1, column: 1), "the file's lines end in CR alone (old Mac line endings)",
                hint: "save it with LF (Unix) or CRLF (Windows) line endings, e.g. tr '\\r' '\\n' < old > new"))
        }
        return .success(normalized)
    }

    /// `UTF-16LE` or `UTF-16BE` when the bytes start with that byte-order mark, or when a text without one
    /// has a zero byte in every other position of its start (ASCII written as UTF-16), else nil.
    static func utf16Encoding(of bytes: ArraySlice<UInt8>) -> String? {
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        let start = Array(bytes.prefix(64))
        guard start.count >= 4, start.count % 2 == 0 else { return nil }
        let evens = stride(from: 0, to: start.count, by: 2).map { start[$0] }
        let odds = stride(from: 1, to: start.count, by: 2).map { start[$0] }
        if odds.allSatisfy({ $0 == 0 }), evens.allSatisfy({ $0 != 0 }) { return "UTF-16LE" }
        if evens.allSatisfy({ $0 == 0 }), odds.allSatisfy({ $0 != 0 }) { return "UTF-16BE" }
        return nil
    }

    /// Whether the text has line breaks and every one of them is a lone CR.
    static func hasOnlyCarriageReturns(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return false }
            return memchr(base, 13, bytes.count) != nil && memchr(base, 10, bytes.count) == nil
        }
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
