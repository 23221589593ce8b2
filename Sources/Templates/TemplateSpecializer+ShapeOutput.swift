extension TemplateSpecializer {
    /// A shape's output cut at the markers: `pieces[0]`, hole 0, `pieces[1]`, …, `pieces.last`.
    struct ShapeOutput: Sendable {
        struct Hole: Sendable {
            let slot: Int
            let escaped: Bool
            /// The marker ended with the text's last character (a line break), which is in the next piece.
            let endsInNextPiece: Bool
        }

        let pieces: [String]
        let holes: [Hole]
        let size: Int

        static let markerEnd: [UInt8] = [0xEE, 0x80, 0x81]  // U+E001

        /// `\u{E000}&12\u{E001}`; for a text ending in a line break `\u{E000}&12n\u{E001}\n` (`r` and `\r` for
        /// a carriage return), so that the output ends as it would with the text.
        static func marker(_ slot: Int, ending: LineEnding) -> String {
            "\u{E000}&\(slot)\(ending.markerLetter)\u{E001}" + (ending.character ?? "")
        }

        /// Cuts a skeleton render at its markers; nil if a marker character appears any other way.
        init?(skeleton: String) {
            let bytes = Array(skeleton.utf8)
            var pieces: [String] = []
            var holes: [Hole] = []
            var pieceStart = 0
            var index = 0
            while index + 2 < bytes.count {
                guard bytes[index] == 0xEE, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 || bytes[index + 2] == 0x81 else {
                    index += 1
                    continue
                }
                guard bytes[index + 2] == 0x80 else { return nil }
                var cursor = index + 3
                guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "&") else { return nil }
                cursor += 1
                var escaped = false
                if bytes[cursor...].starts(with: "amp;".utf8) {
                    escaped = true
                    cursor += 4
                }
                var slot = 0
                var digits = 0
                while cursor < bytes.count, bytes[cursor] >= UInt8(ascii: "0"), bytes[cursor] <= UInt8(ascii: "9") {
                    slot = slot * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
                    cursor += 1
                    digits += 1
                }
                var ending: UInt8?
                if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "n") || bytes[cursor] == UInt8(ascii: "r") {
                    ending = bytes[cursor] == UInt8(ascii: "n") ? UInt8(ascii: "\n") : UInt8(ascii: "\r")
                    cursor += 1
                }
                guard digits > 0, bytes[cursor...].starts(with: Self.markerEnd) else { return nil }
                cursor += 3
                if let ending, cursor >= bytes.count || bytes[cursor] != ending { return nil }
                pieces.append(String(decoding: bytes[pieceStart..<index], as: UTF8.self))
                holes.append(Hole(slot: slot, escaped: escaped, endsInNextPiece: ending != nil))
                pieceStart = cursor
                index = cursor
            }
            pieces.append(String(decoding: bytes[pieceStart...], as: UTF8.self))
            self.pieces = pieces
            self.holes = holes
            size = bytes.count
        }

        /// The page: the pieces with `slots` in the holes. A hole whose marker carried the text's trailing
        /// line break leaves it to the next piece.
        func filled(with slots: [String]) -> String {
            var html = ""
            html.reserveCapacity(size + slots.reduce(0) { $0 + $1.utf8.count })
            for (index, hole) in holes.enumerated() {
                html += pieces[index]
                let text = hole.escaped ? FastHTMLEscaping.escape(slots[hole.slot]) : slots[hole.slot]
                // The text's last byte, a line break, is the next piece's first.
                if hole.endsInNextPiece { html += text[..<text.utf8.index(before: text.utf8.endIndex)] } else { html += text }
            }
            html += pieces[pieces.count - 1]
            return html
        }
    }
}
