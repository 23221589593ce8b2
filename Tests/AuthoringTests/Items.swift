import Foundation
import Model

/// Content items written on the spot, for the pure planners: only what each test cares about.
enum Items {
    static func date(_ text: String) -> Date { LocalTime.parse(text)! }

    static func article(
        _ name: String, _ language: Language = .fi, date: String, updated: String? = nil, draft: Bool = false,
        title: String? = nil, body: String = "Teksti"
    ) -> ContentItem {
        item(.article, name, language, date: date, updated: updated, draft: draft, title: title, body: body, specific: .article)
    }

    static func practice(_ name: String, _ language: Language = .fi, date: String) -> ContentItem {
        item(.practice, name, language, date: date, specific: .practice(PracticeMetadata()))
    }

    static func event(_ name: String, _ language: Language = .fi, date: String, start: String, draft: Bool = false) -> ContentItem {
        item(.event, name, language, date: date, draft: draft, specific: .event(EventMetadata(eventType: .webinar, start: Self.date(start))))
    }

    static func newsletter(_ issue: Int, _ language: Language = .fi, date: String, title: String, items: [String] = []) -> ContentItem {
        var metadata = NewsletterMetadata(issue: issue)
        metadata.items = items.map { NewsletterEntry(id: ItemID($0)!, line: 1) }
        return item(.newsletter, String(issue), language, date: date, title: title, specific: .newsletter(metadata))
    }

    static func page(_ name: String, _ language: Language = .fi, updated: String? = nil) -> ContentItem {
        item(.page, name, language, date: nil, updated: updated, specific: .page(PageMetadata()))
    }

    private static func item(
        _ type: ContentType, _ name: String, _ language: Language, date: String?, updated: String? = nil,
        draft: Bool = false, title: String? = nil, body: String = "Teksti", specific: TypeMetadata
    ) -> ContentItem {
        ContentItem(
            id: ItemID(type: type, name: name), language: language,
            path: "content/\(type.folder)/\(name).\(language.rawValue).md",
            common: CommonMetadata(
                title: title ?? "\(name) \(language.rawValue)", date: date.map(Self.date), updated: updated.map(Self.date),
                draft: draft),
            specific: specific, body: body, bodyLine: 5)
    }
}
