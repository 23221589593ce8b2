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
            allowed: [
                "base_url", "title", "description", "allow_raw_html", "newsletter", "logo", "favicon", "partners",
                "share_image", "share_image_alt", "picture_formats",
            ],
            what: "site.yml")
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
        var signup: NewsletterSignup?
        if var newsletter = fields.nested("newsletter") {
            newsletter.rejectUnknownKeys(allowed: ["sender", "unsubscribe", "signup"], what: "'newsletter'")
            signup = signupSettings(&newsletter)
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
        var config = SiteConfig(
            baseURL: baseURL, title: title, description: description, allowRawHTML: allowRaw,
            newsletterSender: sender, unsubscribePlaceholder: unsubscribe)
        config.newsletterSignup = signup
        config.logo = logo(&fields, within: root)
        config.icons = icons(&fields, within: root)
        config.partners = partners(&fields, within: root)
        shareImage(&fields, into: &config)
        pictureFormats(&fields, into: &config)
        return (fields.diagnostics.contains(where: \.isError) ? nil : config, fields.diagnostics)
    }

    /// `share_image` (a picture beside the content, relative to `content/`) and `share_image_alt`: what a
    /// shared link shows for pages without a picture. The build checks the picture itself.
    static func shareImage(_ fields: inout YAMLFields, into config: inout SiteConfig) {
        guard let node = fields.node("share_image"), let written = fields.text(of: node, key: "share_image") else { return }
        config.shareImageAlt = fields.localized("share_image_alt", required: true)
        guard URLPolicy.classify(written) == .relative, let path = ContentPath.join(written, relativeTo: "content/site.yml") else {
            fields.error(
                at: node, "'share_image' must be a picture under content/, e.g. share_image: pages/jakokuva.jpg",
                hint: "save the picture beside the pages and write its path relative to content/")
            return
        }
        config.shareImage = path
        config.shareImageLocation = fields.location(of: node)
    }

    /// `picture_formats`: the formats offered before the JPEG/PNG fallback, best first, of `avif` and
    /// `webp`; an empty list offers the fallback only. Whether this libvips can write them is the build's check.
    static func pictureFormats(_ fields: inout YAMLFields, into config: inout SiteConfig) {
        guard let node = fields.node("picture_formats") else { return }
        var formats: [PictureFormat] = []
        for (text, entry) in fields.located(textList: node, key: "picture_formats") {
            guard let format = PictureFormat(rawValue: text.lowercased()), [.avif, .webp].contains(format) else {
                fields.error(
                    at: entry, "'picture_formats' offers avif and webp, not '\(text)'",
                    hint: "write e.g. picture_formats: [avif, webp]; JPEG or PNG is always there as the fallback")
                continue
            }
            if formats.contains(format) {
                fields.error(at: entry, "'picture_formats' names \(text) twice", hint: "name each format once, best first")
                continue
            }
            formats.append(format)
        }
        config.pictureFormats = formats
        config.pictureFormatsLocation = fields.location(of: node)
    }

    /// `newsletter.signup`: the mailing tool's address, its field names, a list id and the consent text
    /// per language. Every key is required, so a half-set form never reaches readers.
    static func signupSettings(_ newsletter: inout YAMLFields) -> NewsletterSignup? {
        guard var fields = newsletter.nested("signup") else { return nil }
        fields.rejectUnknownKeys(
            allowed: ["action", "email_field", "list_field", "list", "consent_field", "consent"], what: "'signup'")
        let action = fields.url("action")
        if fields.node("action") == nil {
            fields.missing("action", hint: "add 'action: https://…' (the mailing tool's subscribe address)")
        } else if let action, !(action.hasPrefix("https://") || action.hasPrefix("http://")) {
            fields.diagnostics.append(.error(
                fields.location(ofKey: "action"), "the sign-up form's 'action' must be an https:// or http:// address",
                hint: "the form posts straight to the mailing tool"))
        }
        var names: [String: String] = [:]
        for key in ["email_field", "list_field", "consent_field"] {
            if let name = fields.text(key), !name.isEmpty {
                names[key] = name
            } else {
                fields.missing(key, hint: "add '\(key): …' (the field name the mailing tool expects)")
            }
        }
        let list = fields.localized("list", required: true)
        let consent = fields.localized("consent", required: true)
        newsletter.diagnostics += fields.diagnostics
        guard !fields.diagnostics.contains(where: \.isError), let action, let email = names["email_field"],
              let listField = names["list_field"], let consentField = names["consent_field"]
        else { return nil }
        return NewsletterSignup(
            action: action, emailField: email, listField: listField, listID: list, consentField: consentField,
            consent: consent)
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
            entry.rejectUnknownKeys(allowed: ["fi", "sv", "description", "slug"], what: "a vocabulary entry")
            var label: [Language: String] = [:]
            for language in Language.allCases {
                if let text = entry.text(language.rawValue) {
                    label[language] = text
                } else {
                    entry.diagnostics.append(.error(location, "'\(pair.key)' has no '\(language.rawValue)' label"))
                }
            }
            let description = entry.localized("description", required: false)
            let slugs = termSlugs(&entry, key: pair.key, label: label, at: location)
            diagnostics += entry.diagnostics
            terms.append(Vocabulary.Term(key: pair.key, label: label, description: description, slugs: slugs))
        }
        diagnostics += slugCollisions(terms, fields: fields)
        return (Vocabulary(terms: terms), diagnostics)
    }

    /// A term's address segment per language: in Finnish its key; in Swedish the slug of its Swedish
    /// label (`Åland` → `aland`), unless the entry sets `slug: {sv: …}`.
    static func termSlugs(
        _ entry: inout YAMLFields, key: String, label: [Language: String], at location: SourceLocation
    ) -> [Language: String] {
        var slugs: [Language: String] = [.fi: key]
        var own: String?
        if var slug = entry.nested("slug") {
            slug.rejectUnknownKeys(allowed: ["sv"], what: "'slug' (the Finnish address is the key itself)")
            if let value = slug.text("sv") {
                if let problem = Slug.problem(value) {
                    slug.diagnostics.append(.error(
                        slug.location(ofKey: "sv"), "the Swedish slug '\(value)' of '\(key)' \(problem)",
                        hint: "try '\(Slug.make(from: value))'"))
                } else {
                    own = value
                }
            }
            entry.diagnostics += slug.diagnostics
        }
        let made = own ?? Slug.make(from: label[.sv] ?? "")
        if made.isEmpty {
            if label[.sv] != nil {
                entry.diagnostics.append(.error(
                    location, "the Swedish label of '\(key)' makes no address",
                    hint: "give the term one:\n  slug:\n    sv: \(key)"))
            }
        } else {
            slugs[.sv] = made
        }
        return slugs
    }

    /// Two terms of one vocabulary whose pages would share an address in a language.
    static func slugCollisions(_ terms: [Vocabulary.Term], fields: YAMLFields) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for language in Language.allCases {
            var owner: [String: String] = [:]
            for term in terms {
                let slug = term.slug(language)
                if let first = owner[slug] {
                    diagnostics.append(.error(
                        fields.location(ofKey: term.key),
                        "'\(term.key)' and '\(first)' would both be at the \(language.rawValue) address '\(slug)'",
                        hint: "give one of them an address of its own: 'slug:' with 'sv: …' under the term"))
                } else {
                    owner[slug] = term.key
                }
            }
        }
        return diagnostics
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
