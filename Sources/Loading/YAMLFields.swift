import Foundation
import Model
import Yams

/// A YAML mapping read key by key. Every value is checked for its shape and every problem is recorded
/// with the file line of the key or value, so front matter errors point at the right line.
///
/// Values are read from the scalar's text, not through YAML 1.1 type guessing: `no` stays the text
/// "no" and `017` stays "017" unless a number is asked for.
struct YAMLFields {
    let pairs: [(key: String, keyNode: Node, value: Node)]
    /// The pairs' keys in the same order: a lookup compares keys without copying the nodes of every
    /// pair it passes (each copy retains the node's texts and tags).
    let keys: [String]
    let path: String
    /// Added to YAML line numbers to get file line numbers.
    let lineOffset: Int
    /// Where the mapping itself starts, for "missing key" errors.
    let mappingLine: Int
    var diagnostics: [Diagnostic] = []
    /// The files under `content/` a relative link may lead to (`content/articles/kuva.jpg`), and the ones
    /// the values read so far referred to: only those are published.
    var attachmentPaths: Set<String> = []
    var referencedAttachments: [String] = []

    init(pairs: [(key: String, keyNode: Node, value: Node)], path: String, lineOffset: Int, mappingLine: Int) {
        self.pairs = pairs
        self.keys = pairs.map(\.key)
        self.path = path
        self.lineOffset = lineOffset
        self.mappingLine = mappingLine
    }

    /// Parses `yaml` (whose first line is file line `firstLine`) into a mapping.
    static func parse(yaml: String, path: String, firstLine: Int) -> Result<YAMLFields, Diagnostic> {
        let offset = firstLine - 1
        let root: Node?
        do {
            // The basic resolver tags every plain scalar as a string (no regular expressions per value):
            // the typed readers below interpret the text themselves, so they see the same either way.
            root = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, path: path, lineOffset: offset))
        } catch {
            return .failure(.error(SourceLocation(path: path, line: firstLine, column: 1), "invalid YAML: \(error)"))
        }
        guard let root else {
            return .success(YAMLFields(pairs: [], path: path, lineOffset: offset, mappingLine: firstLine))
        }
        return fields(of: root, path: path, lineOffset: offset)
    }

    static func fields(of node: Node, path: String, lineOffset: Int) -> Result<YAMLFields, Diagnostic> {
        let line = (node.mark?.line ?? 1) + lineOffset
        guard case .mapping(let mapping) = node else {
            return .failure(.error(
                SourceLocation(path: path, line: line, column: node.mark?.column ?? 1),
                "expected keys and values (key: value)", hint: "write one 'key: value' per line"))
        }
        var pairs: [(String, Node, Node)] = []
        for (key, value) in mapping {
            pairs.append((key.scalar?.string ?? "", key, value))
        }
        return .success(YAMLFields(pairs: pairs, path: path, lineOffset: lineOffset, mappingLine: line))
    }

    private static func diagnostic(for error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        func located(_ mark: Mark, _ problem: String, _ context: YamlError.Context?) -> Diagnostic {
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text))" }
            return .error(
                SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column), message,
                hint: "check the indentation and quote texts that contain ': ' or start with a special character")
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return located(mark, problem, context)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(
                SourceLocation(path: path, line: context.mark.line + lineOffset, column: context.mark.column),
                "a key is written twice: \(duplicates.joined(separator: ", "))", hint: "keep one of them")
        default:
            return .error(SourceLocation(path: path, line: 1 + lineOffset, column: 1), "invalid YAML: \(error)")
        }
    }

    // MARK: - Locations

    func location(of node: Node) -> SourceLocation {
        SourceLocation(path: path, line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column ?? 1)
    }

    func location(ofKey key: String) -> SourceLocation {
        if let index = keys.firstIndex(of: key) { return location(of: pairs[index].keyNode) }
        return SourceLocation(path: path, line: mappingLine, column: 1)
    }

    func node(_ key: String) -> Node? {
        guard let index = keys.firstIndex(of: key) else { return nil }
        let value = pairs[index].value
        return Self.isNull(value) ? nil : value
    }

    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    // MARK: - Checks

    /// Records an error for every key not in `allowed`, suggesting the nearest allowed key.
    mutating func rejectUnknownKeys(allowed: [String], what: String) {
        for (index, key) in keys.enumerated() where !allowed.contains(key) {
            let hint = Suggestion.nearest(to: key, among: allowed).map { "did you mean '\($0)'?" }
                ?? "expected keys: \(allowed.joined(separator: ", "))"
            diagnostics.append(.error(location(of: pairs[index].keyNode), "unknown key '\(key)' for \(what)", hint: hint))
        }
    }

    mutating func error(at node: Node, _ message: String, hint: String? = nil) {
        diagnostics.append(.error(location(of: node), message, hint: hint))
    }

    mutating func missing(_ key: String, hint: String) {
        diagnostics.append(.error(
            SourceLocation(path: path, line: mappingLine, column: 1), "missing required key '\(key)'", hint: hint))
    }

    // MARK: - Typed values

    /// A text value; numbers and dates written without quotes are read as the text they are.
    mutating func text(_ key: String) -> String? {
        guard let node = node(key) else { return nil }
        return text(of: node, key: key)
    }

    mutating func text(of node: Node, key: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error(at: node, "'\(key)' should be a single text", hint: "write it on one line after '\(key):'")
            return nil
        }
        let value = scalar.string.trimmingWhitespace()
        return value.isEmpty ? nil : value
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node, ["true", "false"].contains(scalar.string) else {
            error(at: node, "'\(key)' should be true or false")
            return nil
        }
        return scalar.string == "true"
    }

    /// A whole number within `range`. Every number front matter gives is bounded, so no later
    /// arithmetic on it can overflow; one too large for `Int` is reported as out of range too.
    mutating func integer(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let node = node(key) else { return nil }
        let outOfRange = "'\(key)' must be between \(range.lowerBound) and \(range.upperBound)"
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            if case .scalar(let scalar) = node, Self.isWholeNumber(scalar.string) {
                error(at: node, outOfRange, hint: "for example '\(key): \(range.lowerBound)'")
            } else {
                error(at: node, "'\(key)' should be a whole number", hint: "for example '\(key): 3'")
            }
            return nil
        }
        guard range.contains(value) else {
            error(at: node, outOfRange, hint: "for example '\(key): \(max(range.lowerBound, 1))'")
            return nil
        }
        return value
    }

    /// Digits with an optional sign: a whole number, whatever its size.
    private static func isWholeNumber(_ text: String) -> Bool {
        let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// A date or time (`LocalTime`); a year outside `LocalTime.years` is an error, and a Helsinki wall
    /// time that the daylight-saving change skips or repeats is a warning naming the moment chosen.
    mutating func date(_ key: String) -> Date? {
        guard let node = node(key) else { return nil }
        let reading: LocalTime.Reading = if case .scalar(let scalar) = node { LocalTime.read(scalar.string) } else { .malformed }
        switch reading {
        case .malformed:
            error(
                at: node, "'\(key)' is not a valid date or time",
                hint: "write 2026-11-26, 2026-11-26T08:30 (Helsinki time) or 2026-11-26T08:30:00+02:00")
            return nil
        case .yearOutOfRange(let number):
            let year = String(repeating: "0", count: max(0, 4 - String(number).count)) + String(number)
            error(
                at: node, "the year \(year) in '\(key)' is not between \(LocalTime.years.lowerBound) and \(LocalTime.years.upperBound)",
                hint: "write the year with all four digits, e.g. 2026-11-26")
            return nil
        case .instant(let date, let change):
            if let change { diagnostics.append(Self.clockChangeWarning(change, date: date, key: key, at: location(of: node))) }
            return date
        }
    }

    private static func clockChangeWarning(
        _ change: LocalTime.ClockChange, date: Date, key: String, at location: SourceLocation
    ) -> Diagnostic {
        let hours = LocalTime.zone.secondsFromGMT(for: date) / 3600
        let chosen = "\(LocalTime.isoMinute(date)) (UTC+\(hours))"
        switch change {
        case .skipped:
            return .warning(
                location, "the time in '\(key)' does not exist in Helsinki (clocks go forward an hour); read as \(chosen)",
                hint: "write the time after the change, or give the offset, e.g. +03:00")
        case .repeated:
            return .warning(
                location, "the time in '\(key)' happens twice in Helsinki (clocks go back an hour); read as the first, \(chosen)",
                hint: "give the offset to choose: +03:00 for the first, +02:00 for the second")
        }
    }

    /// A list of texts; a single text is accepted as a list of one.
    mutating func textList(_ key: String) -> [String] {
        guard let node = node(key) else { return [] }
        return located(textList: node, key: key).map(\.text)
    }

    /// A list of texts, each with the file line it stands on.
    mutating func located(textList node: Node, key: String) -> [(text: String, node: Node)] {
        switch node {
        case .scalar:
            return text(of: node, key: key).map { [($0, node)] } ?? []
        case .sequence(let sequence):
            var result: [(String, Node)] = []
            for element in sequence {
                guard case .scalar(let scalar) = element else {
                    error(at: element, "each entry of '\(key)' should be a single text")
                    continue
                }
                let value = scalar.string.trimmingWhitespace()
                if !value.isEmpty { result.append((value, element)) }
            }
            return result
        default:
            error(at: node, "'\(key)' should be a list", hint: "write '\(key): [first, second]'")
            return []
        }
    }

    /// A nested mapping such as `contact: {name, role, email}`.
    mutating func nested(_ key: String) -> YAMLFields? {
        guard let node = node(key) else { return nil }
        switch Self.fields(of: node, path: path, lineOffset: lineOffset) {
        case .success(let fields): return fields
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }

    /// A URL, checked by `URLPolicy`; a relative link to a file beside the content becomes the file's
    /// site path (and the file is published), one to a content file is kept for the index to resolve.
    mutating func url(_ key: String) -> String? {
        guard let node = node(key), let value = text(of: node, key: key) else { return nil }
        return url(value, at: node, key: key)
    }

    mutating func url(_ value: String, at node: Node, key: String) -> String? {
        switch URLPolicy.classify(value) {
        case .external, .sitePath: return value
        case .refused(let scheme):
            diagnostics.append(URLPolicy.refusal(value, scheme: scheme, at: location(of: node), field: key))
            return nil
        case .relative:
            let file = value.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "#" || $0 == "?" })[0]
            if file.hasSuffix(".md") { return value }
            return attachment(String(file), at: node, key: key).map { ContentAsset(contentPath: String($0.dropFirst("content/".count)), sourcePath: "", sourceRoot: "").url }
        }
    }

    /// The content path of a file beside the content that `relative` names, recorded as referenced;
    /// nil (and an error) when it leaves `content/` or there is no such file.
    mutating func attachment(_ relative: String, at node: Node, key: String) -> String? {
        let decoded = relative.removingPercentEncoding ?? relative
        guard let target = ContentPath.join(decoded, relativeTo: path) else {
            error(at: node, "'\(key)' points outside the content folder (\(relative))", hint: "link to files under content/ only")
            return nil
        }
        guard attachmentPaths.contains(target) else {
            error(
                at: node, "'\(key)' names \(target), which is missing or not a regular file",
                hint: "put the file beside the content file, or check the spelling")
            return nil
        }
        if !referencedAttachments.contains(target) { referencedAttachments.append(target) }
        return target
    }

    /// A list of `{title, url}` mappings.
    mutating func links(_ key: String) -> [TitledLink] {
        guard let node = node(key) else { return [] }
        guard case .sequence(let sequence) = node else {
            error(at: node, "'\(key)' should be a list of links", hint: "write '- title: …' and 'url: …' for each")
            return []
        }
        var links: [TitledLink] = []
        for element in sequence {
            guard case .success(var fields) = Self.fields(of: element, path: path, lineOffset: lineOffset) else {
                error(at: element, "each entry of '\(key)' should have 'title' and 'url'")
                continue
            }
            fields.rejectUnknownKeys(allowed: ["title", "url"], what: "a link in '\(key)'")
            let title = fields.text("title")
            let written = fields.text("url")
            diagnostics += fields.diagnostics
            guard let title, let written, let urlNode = fields.node("url") else {
                error(at: element, "each entry of '\(key)' needs both 'title' and 'url'")
                continue
            }
            guard let url = url(written, at: urlNode, key: "url") else { continue }
            links.append(TitledLink(title: title, url: url))
        }
        return links
    }

    /// A `{fi: …, sv: …}` mapping of texts; missing languages are reported.
    mutating func localized(_ key: String, required: Bool) -> [Language: String] {
        guard var fields = nested(key) else {
            if required { missing(key, hint: "write '\(key):' with 'fi: …' and 'sv: …' under it") }
            return [:]
        }
        fields.rejectUnknownKeys(allowed: Language.allCases.map(\.rawValue), what: "'\(key)'")
        var result: [Language: String] = [:]
        for language in Language.allCases {
            if let value = fields.text(language.rawValue) {
                result[language] = value
            } else if required {
                fields.diagnostics.append(.error(
                    fields.location(ofKey: language.rawValue), "'\(key)' has no '\(language.rawValue)' text"))
            }
        }
        diagnostics += fields.diagnostics
        return result
    }
}
