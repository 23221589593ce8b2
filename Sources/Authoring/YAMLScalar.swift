/// Writes texts as YAML scalars for generated front matter: plain when that reads back as the same
/// text, double-quoted (with escapes) otherwise, so a title such as `Aamukahvi: kulttuuri` or `#1`
/// never turns into a mapping, a comment or null.
enum YAMLScalar {
    static func text(_ value: String) -> String {
        isSafePlain(value) ? value : quoted(value)
    }

    static func quoted(_ value: String) -> String {
        var result = "\""
        for character in value {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default: result.append(character)
            }
        }
        return result + "\""
    }

    /// Letters or digits first, no `: ` or ` #`, no trailing colon or space, nothing YAML reads as null.
    static func isSafePlain(_ value: String) -> Bool {
        guard let first = value.first, let last = value.last else { return false }
        guard first.isLetter || first.isNumber, last != ":", last != " " else { return false }
        guard !value.contains(": "), !value.contains(" #"), !value.contains(where: \.isNewline) else { return false }
        guard !value.contains("\t") else { return false }
        return !["null", "Null", "NULL"].contains(value)
    }
}
