extension TemplateSpecializer {
    /// What one lookup, list step or list question found, as far as the engine can tell.
    enum Fact: Equatable {
        case absent
        /// A `TemplateText`: empty texts are written as they are, others are slots.
        case text(empty: Bool, ending: LineEnding)
        /// A `String` (list elements): the same, with `String`'s behaviour in the engine.
        case string(empty: Bool, ending: LineEnding)
        case bool(Bool)
        /// An `Int`: written out like a text (the engine only prints numbers and treats them as true).
        case int
        case object(ObjectIdentifier)
        case list(ObjectIdentifier)
        /// A list's iteration ended.
        case end

        /// The fact for a text; texts other than "" and "\n" are slots.
        static func forText(_ text: String, ending: LineEnding, isString: Bool) -> Fact {
            isString ? .string(empty: text.isEmpty, ending: ending) : .text(empty: text.isEmpty, ending: ending)
        }
    }

    /// How a text ends, as far as the engine can tell: when it indents a partial it asks whether the output
    /// so far ends with a line feed (`string.last == "\n"`), and a carriage return at the end of a text
    /// joins a line feed at the start of the next into one character (`"\r\n"`). A stand-in for a text with
    /// such an ending ends the same way.
    /// A text that is a line feed and nothing else joins a carriage return before it, which no stand-in
    /// could; such texts are written as they are, like empty ones.
    enum LineEnding: Equatable {
        case other
        case lineFeed
        case carriageReturn
        case onlyLineFeed

        init(of text: String) {
            var utf8 = text.utf8.reversed().makeIterator()
            switch utf8.next() {
            // A line feed is a character of its own unless a carriage return precedes it.
            case UInt8(ascii: "\n"):
                switch utf8.next() {
                case nil: self = .onlyLineFeed
                case UInt8(ascii: "\r"): self = .other
                default: self = .lineFeed
                }
            case UInt8(ascii: "\r"): self = .carriageReturn
            default: self = .other
            }
        }

        /// The character a stand-in ends with, and the letter that says so in its marker.
        var character: String? {
            switch self {
            case .other, .onlyLineFeed: nil
            case .lineFeed: "\n"
            case .carriageReturn: "\r"
            }
        }

        var markerLetter: String {
            switch self {
            case .other, .onlyLineFeed: ""
            case .lineFeed: "n"
            case .carriageReturn: "r"
            }
        }
    }
}
