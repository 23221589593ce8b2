/// The one sanitiser for text read from content, settings and themes: C0 control characters other than
/// tab, line feed and carriage return never reach a page, feed, calendar, JSON file or e-mail (XML
/// parsers reject them; a calendar would carry raw bytes). Each one removed is reported at its line.
///
/// U+000B (vertical tab, what Word's soft line break pastes as) is a line break: in a Markdown body it is
/// kept for the Markdown renderer to turn into `<br>` (so line numbers stay the editor's); in one-line
/// values (front matter, settings, templates), where a line break would end the value, it is a space.
public enum TextSanitizer {
    /// What U+000B becomes.
    public enum VerticalTab: Sendable {
        case space
        /// Left in place for the Markdown renderer (`MarkdownRenderer` makes it a hard line break).
        case keep
    }

    /// Whether `byte` is a C0 control the sanitiser removes or replaces.
    @inlinable
    public static func isControl(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
    }

    /// `text` without control characters, and a warning for each line that had some. `firstLine` is the
    /// file line of the text's first line. Returns the text itself when it is clean (the usual case).
    public static func clean(
        _ text: String, path: String, firstLine: Int, verticalTab: VerticalTab
    ) -> (String, [Diagnostic]) {
        var text = text
        let dirty = text.withUTF8 { bytes in bytes.contains { isControl($0) && !(verticalTab == .keep && $0 == 0x0B) } }
        guard dirty else { return (text, []) }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var diagnostics: [Diagnostic] = []
        var line = firstLine
        var column = 1
        var reportedLine = 0
        for byte in text.utf8 {
            if byte == 0x0A {
                line += 1
                column = 1
                output.append(byte)
                continue
            }
            guard isControl(byte), !(verticalTab == .keep && byte == 0x0B) else {
                output.append(byte)
                if byte & 0xC0 != 0x80 { column += 1 }  // count characters, not continuation bytes
                continue
            }
            if reportedLine != line {
                reportedLine = line
                diagnostics.append(warning(byte, at: SourceLocation(path: path, line: line, column: column)))
            }
            if byte == 0x0B { output.append(UInt8(ascii: " ")) }
            column += 1
        }
        return (String(decoding: output, as: UTF8.self), diagnostics)
    }

    private static func warning(_ byte: UInt8, at location: SourceLocation) -> Diagnostic {
        let code = "U+" + String(repeating: "0", count: byte < 0x10 ? 3 : 2) + String(byte, radix: 16, uppercase: true)
        if byte == 0x0B {
            return .warning(
                location, "a vertical tab (U+000B, a pasted soft line break) on this line became a space",
                hint: "a line break cannot stand inside a one-line value; write the text on one line")
        }
        return .warning(
            location, "a control character (\(code)) on this line was removed",
            hint: "it is invisible and usually comes from pasting; retype the text around it if something looks wrong")
    }
}
