import Foundation
import Model

/// Decodes one content file's front matter into typed metadata, strictly: unknown keys, missing
/// required keys, malformed values and unknown vocabulary keys are all reported with their line.
package struct ItemDecoder {
    let regions: Vocabulary
    let themes: Vocabulary
    /// Every file beside the content (`content/articles/kuva.jpg`) that front matter may name.
    var attachmentPaths: Set<String> = []

    package init(regions: Vocabulary, themes: Vocabulary, attachmentPaths: Set<String> = []) {
        self.regions = regions
        self.themes = themes
        self.attachmentPaths = attachmentPaths
    }

    static let commonKeys = [
        "title", "date", "updated", "expires", "summary", "slug", "draft", "author", "image", "image_alt",
        "image_decorative", "image_focus", "tags", "regions", "themes",
    ]

    static func allowedKeys(for type: ContentType) -> [String] {
        let specific: [String] = switch type {
        case .article: []
        case .practice:
            ["municipality", "municipalities", "organisation", "period", "status", "funder", "target_groups",
             "contact", "links"]
        case .event:
            ["event_type", "start", "end", "location", "online", "registration", "registration_deadline",
             "recording", "materials"]
        case .newsletter: ["issue", "subject", "preheader", "items"]
        case .page: ["menu"]
        }
        return commonKeys + specific
    }

    /// Decodes the item, returning it (when usable) together with every diagnostic found.
    func decode(
        id: ItemID, language: Language, path: String, frontMatter: FrontMatter
    ) -> (ContentItem?, [Diagnostic]) {
        var fields: YAMLFields
        switch YAMLFields.parse(yaml: frontMatter.yaml, path: path, firstLine: frontMatter.yamlLine) {
        case .success(let parsed): fields = parsed
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        fields.attachmentPaths = attachmentPaths
        fields.rejectUnknownKeys(allowed: Self.allowedKeys(for: id.type), what: "\(id.type.folder)")
        var common = decodeCommon(&fields, type: id.type)
        let specific = decodeSpecific(&fields, type: id.type)
        common?.attachments = fields.referencedAttachments
        let hasErrors = fields.diagnostics.contains(where: \.isError)
        guard let common, let specific, !hasErrors else { return (nil, fields.diagnostics) }
        let item = ContentItem(
            id: id, language: language, path: path, common: common, specific: specific,
            body: frontMatter.body, bodyLine: frontMatter.bodyLine,
            keyLines: Dictionary(fields.pairs.map { ($0.key, fields.location(of: $0.keyNode).line) }, uniquingKeysWith: { a, _ in a }))
        return (item, fields.diagnostics)
    }

    private func decodeCommon(_ fields: inout YAMLFields, type: ContentType) -> CommonMetadata? {
        let title = fields.text("title")
        if title == nil { fields.missing("title", hint: "add a line 'title: …' to the front matter") }
        let date = fields.date("date")
        if date == nil, type.requiresDate, fields.node("date") == nil {
            fields.missing("date", hint: "add a line 'date: YYYY-MM-DD' (the publication date)")
        }
        var common = CommonMetadata(title: title ?? "")
        common.date = date
        common.updated = fields.date("updated")
        common.expires = fields.date("expires")
        if let expires = common.expires, let date, expires <= date {
            fields.diagnostics.append(.error(
                fields.location(ofKey: "expires"), "the item expires before it is published",
                hint: "'expires' must be later than 'date'"))
        }
        common.summary = fields.text("summary")
        common.slug = fields.text("slug")
        if let slug = common.slug, let problem = Slug.problem(slug) {
            fields.diagnostics.append(.error(
                fields.location(ofKey: "slug"), "slug '\(slug)' \(problem)",
                hint: "try 'slug: \(Slug.make(from: slug).isEmpty ? "my-page" : Slug.make(from: slug))'"))
        }
        common.draft = fields.bool("draft") ?? false
        common.author = fields.text("author")
        if let node = fields.node("image"), let image = fields.text(of: node, key: "image") {
            common.image = image
            common.imageLocation = fields.location(of: node)
            if URLPolicy.classify(image) != .relative {
                fields.error(
                    at: node, "'image' must be a file beside the content, not an address",
                    hint: "save the picture under content/ and write its relative path, e.g. image: kuva.jpg")
            } else if let path = fields.attachment(image, at: node, key: "image") {
                if PictureFormat(fileExtension: (path as NSString).pathExtension) == nil {
                    fields.error(
                        at: node, "'image' names \(path), which is not a JPEG, PNG, WebP, GIF or AVIF picture",
                        hint: "save the picture as .jpg (photos) or .png (drawings) and name that file")
                } else {
                    common.imagePath = path
                }
            }
        }
        common.imageDecorative = fields.bool("image_decorative") ?? false
        common.imageAlt = fields.text("image_alt")
        if common.image != nil, !common.imageDecorative, common.imageAlt?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
            fields.diagnostics.append(.error(
                fields.location(ofKey: "image"), "an image needs alternative text",
                hint: "add 'image_alt: …' describing what the picture shows, or 'image_decorative: true' if it adds nothing the text does not say"))
        }
        if common.imageDecorative { common.imageAlt = "" }
        if let focus = fields.text("image_focus") {
            if let value = PictureFocus(rawValue: focus) {
                common.imageFocus = value
            } else {
                fields.diagnostics.append(.error(
                    fields.location(ofKey: "image_focus"), "'image_focus' must be top, center, bottom or auto, not '\(focus)'",
                    hint: "the part of the picture that card thumbnails keep: 'image_focus: top' for faces near the top"))
            }
        }
        common.tags = tags(&fields)
        common.regions = vocabularyKeys(&fields, key: "regions", vocabulary: regions, file: "regions.yml")
        common.themes = vocabularyKeys(&fields, key: "themes", vocabulary: themes, file: "themes.yml")
        return title == nil ? nil : common
    }

    /// The item's tags: each must give a tag page an address (letters or digits), and there may be at
    /// most `ContentLimits.tagsPerItem`.
    private func tags(_ fields: inout YAMLFields) -> [String] {
        guard let node = fields.node("tags") else { return [] }
        if case .sequence(let sequence) = node {
            for element in sequence {
                if case .scalar(let scalar) = element, scalar.string.trimmingWhitespace().isEmpty {
                    fields.error(at: element, "an empty tag", hint: "remove it from 'tags' or write the word")
                }
            }
        }
        var tags: [String] = []
        for (tag, tagNode) in fields.located(textList: node, key: "tags") {
            guard !Slug.make(from: tag).isEmpty else {
                fields.error(
                    at: tagNode, "the tag '\(tag)' has no letters or digits, so its page would have no address",
                    hint: "write the tag as a word, e.g. 'juhla' instead of '🎉'")
                continue
            }
            if tags.count == ContentLimits.tagsPerItem {
                fields.error(
                    at: tagNode, "more than \(ContentLimits.tagsPerItem) tags on one item",
                    hint: "keep the \(ContentLimits.tagsPerItem) that describe it best; each tag is a page of its own")
                break
            }
            tags.append(tag)
        }
        return tags
    }

    private func vocabularyKeys(
        _ fields: inout YAMLFields, key: String, vocabulary: Vocabulary, file: String
    ) -> [String] {
        guard let node = fields.node(key) else { return [] }
        var keys: [String] = []
        for (value, valueNode) in fields.located(textList: node, key: key) {
            if vocabulary.contains(value) {
                if !keys.contains(value) { keys.append(value) }
            } else {
                let hint = Suggestion.nearest(to: value, among: vocabulary.keys).map { "did you mean '\($0)'?" }
                    ?? "the keys are defined in content/\(file)"
                fields.error(at: valueNode, "unknown \(key.dropLast()) '\(value)'", hint: hint)
            }
        }
        return keys
    }

    private func decodeSpecific(_ fields: inout YAMLFields, type: ContentType) -> TypeMetadata? {
        switch type {
        case .article: return .article
        case .page: return .page(PageMetadata(menu: fields.integer("menu", in: PageMetadata.menuOrders)))
        case .practice: return .practice(decodePractice(&fields))
        case .event: return decodeEvent(&fields).map(TypeMetadata.event)
        case .newsletter: return decodeNewsletter(&fields).map(TypeMetadata.newsletter)
        }
    }

    private func decodePractice(_ fields: inout YAMLFields) -> PracticeMetadata {
        var practice = PracticeMetadata()
        practice.municipalities = fields.textList("municipality") + fields.textList("municipalities")
        practice.organisation = fields.text("organisation")
        practice.period = fields.text("period")
        if let node = fields.node("status"), let status = fields.text(of: node, key: "status") {
            practice.status = PracticeStatus(rawValue: status)
            if practice.status == nil {
                fields.error(at: node, "unknown status '\(status)'", hint: "write 'ongoing' or 'ended'")
            }
        }
        practice.funder = fields.text("funder")
        practice.targetGroups = fields.textList("target_groups")
        if var contact = fields.nested("contact") {
            contact.rejectUnknownKeys(allowed: ["name", "role", "email"], what: "'contact'")
            practice.contact = Contact(name: contact.text("name"), role: contact.text("role"), email: contact.text("email"))
            fields.diagnostics += contact.diagnostics
        }
        practice.links = fields.links("links")
        return practice
    }

    private func decodeEvent(_ fields: inout YAMLFields) -> EventMetadata? {
        var eventType: EventType?
        if let node = fields.node("event_type"), let value = fields.text(of: node, key: "event_type") {
            eventType = EventType(rawValue: value)
            if eventType == nil {
                let valid = EventType.allCases.map(\.rawValue)
                let suggestion = Suggestion.nearest(to: value, among: valid).map { "did you mean '\($0)'? " } ?? ""
                fields.error(
                    at: node, "unknown event_type '\(value)'",
                    hint: suggestion + "valid values: \(valid.joined(separator: ", "))")
            }
        } else {
            fields.missing("event_type", hint: "add 'event_type: morning-coffee', 'webinar' or 'visit'")
        }
        let start = fields.date("start")
        if start == nil, fields.node("start") == nil {
            fields.missing("start", hint: "add 'start: 2026-11-26T08:30' (Helsinki time)")
        }
        guard let eventType, let start else { return nil }
        var event = EventMetadata(eventType: eventType, start: start)
        event.end = fields.date("end")
        if let end = event.end, end <= start {
            fields.diagnostics.append(.error(
                fields.location(ofKey: "end"), "the event ends before it starts",
                hint: "'end' must be later than 'start'"))
        }
        event.location = fields.text("location")
        event.online = fields.url("online")
        event.registration = fields.url("registration")
        event.registrationDeadline = fields.date("registration_deadline")
        if let deadline = event.registrationDeadline, deadline > start {
            fields.diagnostics.append(.error(
                fields.location(ofKey: "registration_deadline"), "the registration deadline is after the start",
                hint: "set 'registration_deadline' no later than 'start'"))
        }
        if let deadline = event.registrationDeadline, let text = fields.text("registration_deadline"),
           LocalTime.isDateOnly(text) {
            // A date alone means "through that day", but registration never stays open past the start.
            event.registrationDeadline = min(LocalTime.endOfDay(deadline), start)
            event.registrationDeadlineIsDate = true
        }
        event.recording = fields.url("recording")
        event.materials = fields.links("materials")
        if eventType == .visit, event.location == nil {
            fields.diagnostics.append(.warning(
                fields.location(ofKey: "event_type"), "a municipal visit needs a location",
                hint: "add 'location: …' (the municipality and the venue)"))
        }
        if eventType.isOnline, event.online == nil, event.location == nil {
            fields.diagnostics.append(.warning(
                fields.location(ofKey: "event_type"), "an online event has no 'online' link",
                hint: "add 'online: https://…' (the meeting link) when it is known"))
        }
        return event
    }

    private func decodeNewsletter(_ fields: inout YAMLFields) -> NewsletterMetadata? {
        guard let issue = fields.integer("issue", in: NewsletterMetadata.issueNumbers) else {
            if fields.node("issue") == nil { fields.missing("issue", hint: "add 'issue: 1' (the issue number)") }
            return nil
        }
        var newsletter = NewsletterMetadata(issue: issue)
        newsletter.subject = fields.text("subject")
        newsletter.preheader = fields.text("preheader")
        if let node = fields.node("items") {
            for (value, valueNode) in fields.located(textList: node, key: "items") {
                guard let id = ItemID(value), id.type != .newsletter, id.type != .page else {
                    fields.error(
                        at: valueNode, "'\(value)' is not a content id",
                        hint: "write FOLDER/NAME without the language, e.g. articles/2020-10-21-petajavesi")
                    continue
                }
                newsletter.items.append(NewsletterEntry(id: id, line: fields.location(of: valueNode).line))
            }
        }
        return newsletter
    }
}
