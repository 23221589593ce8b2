/// Replacements for single ASCII bytes, looked up by byte (an empty replacement drops the byte): the
/// HTML escapes of templates, and the XML, iCalendar and JSON-in-HTML escapes of the other outputs.
package struct EscapeTable: Sendable {
    private var replacements: [[UInt8]?] = Array(repeating: nil, count: 128)

    package init(_ pairs: [Character: String]) {
        for (character, replacement) in pairs {
            precondition(character.isASCII, "escape tables replace ASCII characters")
            replacements[Int(character.asciiValue!)] = Array(replacement.utf8)
        }
    }

    @inline(__always) func replaces(_ byte: UInt8) -> Bool { byte < 128 && replacements[Int(byte)] != nil }
    @inline(__always) func replacement(_ byte: UInt8) -> [UInt8] { replacements[Int(byte)]! }

    /// `text` with each byte that has a replacement replaced; the text itself when none occurs (most
    /// values). Works over UTF-8 bytes: every special character is ASCII.
    package func escape(_ text: String) -> String {
        var text = text
        let escaped: String? = text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: { replaces($0) }) else { return nil }
            var output = [UInt8]()
            output.reserveCapacity(bytes.count + 32)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            for byte in bytes[first...] {
                if replaces(byte) {
                    output.append(contentsOf: replacement(byte))
                } else {
                    output.append(byte)
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
        return escaped ?? text
    }
}
