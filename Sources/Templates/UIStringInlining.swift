/// Writes a language's UI strings into a template's text in place of their `{{t.key}}` tags, so that
/// pages do not look them up while rendering.
///
/// A lookup of `t.key` climbs the whole context stack to the page and then takes a second step into the
/// strings; swift-mustache casts every stack entry it passes to two protocols, and on two cores those
/// casts contend for the runtime's conformance cache. The UI strings are the same on every page of a
/// language, so `TemplateSet` compiles each template a second time per language with them written in.
///
/// The text is the same as rendering the tag would give, because only the page root answers `t`
/// (`ShellContext`, `EmailContext`) and a tag is replaced only where nothing else could change it:
/// - the template starts with an HTML content-type pragma and has no other pragma, so `{{ }}` escapes
///   as HTML wherever it is included, and it never changes its delimiters (`{{=`);
/// - the string exists and has no `{`, `}` or line break (it could form a tag or change a partial's
///   indentation) and is not blank (an empty variable on a line of its own makes no difference, empty
///   text would make a section tag beside it standalone);
/// - the tag is a plain `{{t.key}}`, `{{{t.key}}}` or `{{&t.key}}`: sections, comments and other tags
///   are copied as they are.
enum UIStringInlining {
    /// The template with every replaceable `t` tag written out, or nil when it has none or must stay as is.
    static func inline(_ template: String, strings: [String: String]) -> String? {
        let bytes = Array(template.utf8)
        guard startsWithHTMLPragma(bytes) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var replaced = false
        var position = 0
        var copiedUpTo = 0
        var isFirstTag = true
        while let open = find(Self.open, in: bytes, from: position) {
            let kind = open + 2 < bytes.count ? bytes[open + 2] : 0
            let isTriple = kind == UInt8(ascii: "{")
            guard let close = find(isTriple ? Self.tripleClose : Self.close, in: bytes, from: open + 2) else { return nil }
            let end = close + (isTriple ? 3 : 2)
            defer { position = end; isFirstTag = false }
            switch kind {
            case UInt8(ascii: "="):
                return nil
            case UInt8(ascii: "%"):
                if !isFirstTag { return nil }
                continue
            case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: ">"),
                UInt8(ascii: "<"), UInt8(ascii: "$"):
                continue
            default:
                break
            }
            let isRaw = isTriple || kind == UInt8(ascii: "&")
            let nameStart = open + (isRaw ? 3 : 2)
            guard let key = stringKey(bytes[nameStart..<close]), let value = strings[key], isInlinable(value) else {
                continue
            }
            output.append(contentsOf: bytes[copiedUpTo..<open])
            output.append(contentsOf: (isRaw ? value : FastHTMLEscaping.escape(value)).utf8)
            copiedUpTo = end
            replaced = true
        }
        guard replaced else { return nil }
        output.append(contentsOf: bytes[copiedUpTo...])
        return String(decoding: output, as: UTF8.self)
    }

    private static let open = Array("{{".utf8)
    private static let close = Array("}}".utf8)
    private static let tripleClose = Array("}}}".utf8)

    /// `{{% CONTENT_TYPE: HTML_FAST }}` or `… HTML }}` before anything else but white space.
    static func startsWithHTMLPragma(_ bytes: [UInt8]) -> Bool {
        var start = 0
        while start < bytes.count, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t")
            || bytes[start] == UInt8(ascii: "\n") || bytes[start] == UInt8(ascii: "\r") {
            start += 1
        }
        guard bytes[start...].starts(with: "{{%".utf8), let close = find(close, in: bytes, from: start + 3) else {
            return false
        }
        let words = String(decoding: bytes[(start + 3)..<close], as: UTF8.self)
            .split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "\t" })
        return words.count == 2 && words[0] == "CONTENT_TYPE" && (words[1] == "HTML" || words[1] == "HTML_FAST")
    }

    /// `key` for a tag body ` t.key ` (spaces allowed around), nil for any other name.
    private static func stringKey(_ body: ArraySlice<UInt8>) -> String? {
        var name = body[...]
        while let first = name.first, first == UInt8(ascii: " ") { name = name.dropFirst() }
        while let last = name.last, last == UInt8(ascii: " ") { name = name.dropLast() }
        guard name.starts(with: "t.".utf8), name.count > 2 else { return nil }
        let key = name.dropFirst(2)
        let allowed = key.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "-")
        }
        return allowed ? String(decoding: key, as: UTF8.self) : nil
    }

    private static func isInlinable(_ value: String) -> Bool {
        !value.utf8.contains { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
            && value.utf8.contains { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard start <= bytes.count - needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
