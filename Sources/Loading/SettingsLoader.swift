import Foundation
import Model

/// Reads `content/site.yml` and the vocabularies `content/regions.yml` and `content/themes.yml`.
enum SettingsLoader {
    static func loadConfig(file: URL, displayPath path: String, within root: String) -> (SiteConfig?, [Diagnostic]) {
        var fields: YAMLFields
        switch readFields(file, path: path, within: root) {
        case .success(let parsed): fields = parsed
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        fields.rejectUnknownKeys(
            allowed: ["base_url", "title", "description", "allow_raw_html", "newsletter"], what: "site.yml")
        var baseURL = fields.text("base_url") ?? ""
        if baseURL.isEmpty {
            fields.missing("base_url", hint: "add 'base_url: https://…' (the address the site is published at)")
        } else if !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            fields.diagnostics.append(.error(
                fields.location(ofKey: "base_url"), "base_url must start with https:// or http://"))
        }
        while baseURL.hasSuffix("/") { baseURL.removeLast() }
        let title = fields.localized("title", required: true)
        let description = fields.localized("description", required: false)
        let allowRaw = fields.bool("allow_raw_html") ?? false
        var sender: [Language: String] = [:]
        var unsubscribe = "{{unsubscribe}}"
        if var newsletter = fields.nested("newsletter") {
            newsletter.rejectUnknownKeys(allowed: ["sender", "unsubscribe"], what: "'newsletter'")
            sender = newsletter.localized("sender", required: false)
            if let node = newsletter.node("unsubscribe"), let value = newsletter.text(of: node, key: "unsubscribe") {
                // A placeholder for the mailing tool, or an address: held to the URL policy either way.
                if case .refused(let scheme) = URLPolicy.classify(value) {
                    newsletter.diagnostics.append(
                        URLPolicy.refusal(value, scheme: scheme, at: newsletter.location(of: node), field: "unsubscribe"))
                } else {
                    unsubscribe = value
                }
            }
            fields.diagnostics += newsletter.diagnostics
        }
        let config = SiteConfig(
            baseURL: baseURL, title: title, description: description, allowRawHTML: allowRaw,
            newsletterSender: sender, unsubscribePlaceholder: unsubscribe)
        return (fields.diagnostics.contains(where: \.isError) ? nil : config, fields.diagnostics)
    }

    static func loadVocabulary(file: URL, displayPath path: String, within root: String) -> (Vocabulary, [Diagnostic]) {
        let fields: YAMLFields
        switch readFields(file, path: path, within: root) {
        case .success(let parsed): fields = parsed
        case .failure(let diagnostic): return (Vocabulary(terms: []), [diagnostic])
        }
        var diagnostics = fields.diagnostics
        var terms: [Vocabulary.Term] = []
        for (number, pair) in fields.pairs.enumerated() {
            let location = fields.location(of: pair.keyNode)
            if number == ContentLimits.vocabularyTerms {
                diagnostics.append(.error(
                    location, "more than \(ContentLimits.vocabularyTerms) terms in one vocabulary",
                    hint: "each term is a page, a feed and a filter in both languages; merge related terms"))
                break
            }
            if let problem = Slug.problem(pair.key) {
                diagnostics.append(.error(
                    location, "vocabulary key '\(pair.key)' \(problem)",
                    hint: "try '\(Slug.make(from: pair.key))'"))
                continue
            }
            guard case .success(var entry) = YAMLFields.fields(of: pair.value, path: path, lineOffset: 0) else {
                diagnostics.append(.error(location, "'\(pair.key)' needs 'fi' and 'sv' labels"))
                continue
            }
            entry.rejectUnknownKeys(allowed: ["fi", "sv", "description"], what: "a vocabulary entry")
            var label: [Language: String] = [:]
            for language in Language.allCases {
                if let text = entry.text(language.rawValue) {
                    label[language] = text
                } else {
                    entry.diagnostics.append(.error(location, "'\(pair.key)' has no '\(language.rawValue)' label"))
                }
            }
            let description = entry.localized("description", required: false)
            diagnostics += entry.diagnostics
            terms.append(Vocabulary.Term(key: pair.key, label: label, description: description))
        }
        return (Vocabulary(terms: terms), diagnostics)
    }

    /// Reads the optional `tags.yml`: each line `finnish tag: swedish tag`.
    static func loadTagPairs(file: URL, displayPath path: String, within root: String) -> ([(fi: String, sv: String)], [Diagnostic]) {
        guard FileManager.default.fileExists(atPath: file.path) else { return ([], []) }
        var fields: YAMLFields
        switch readFields(file, path: path, within: root) {
        case .success(let parsed): fields = parsed
        case .failure(let diagnostic): return ([], [diagnostic])
        }
        var pairs: [(fi: String, sv: String)] = []
        for key in fields.keys {
            guard let swedish = fields.text(key) else {
                fields.diagnostics.append(.error(
                    fields.location(ofKey: key), "the tag '\(key)' has no Swedish pair", hint: "write 'suomeksi: på svenska'"))
                continue
            }
            pairs.append((key, swedish))
        }
        return (pairs, fields.diagnostics)
    }

    /// Reads a whole YAML file (site settings, vocabularies, UI strings) as a mapping.
    static func readFields(_ file: URL, path: String, within root: String) -> Result<YAMLFields, Diagnostic> {
        switch FileReading.text(of: file, displayPath: path, within: root) {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let text):
            let (clean, warnings) = TextSanitizer.clean(text, path: path, firstLine: 1, verticalTab: .space)
            return YAMLFields.parse(yaml: clean, path: path, firstLine: 1).map { fields in
                var fields = fields
                fields.diagnostics = warnings + fields.diagnostics
                return fields
            }
        }
    }
}
