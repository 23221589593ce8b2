import Model

/// The theme's UI strings for one language, and the keys the build itself reads.
public struct UIStrings: Sendable {
    /// Keys the renderer uses directly (templates may use more; those are checked fi against sv).
    public static let requiredKeys = [
        "home", "choose_language", "published", "not_found_title", "no_translation", "other_language_label", "empty_list",
        "upcoming_events", "past_events", "event_archive", "no_upcoming", "latest_articles",
        "newest_practices", "all_articles", "all_practices", "all_events", "only_in_other_language",
        "status_ongoing", "status_ended", "page_n", "newsletter_issue", "upcoming", "past", "calendar_name",
        "in_this_issue", "email_web_version_text", "email_unsubscribe_text", "email_unsubscribe",
        "email_subscription", "email_subscription_text", "regions", "themes", "tags",
        "browse_title", "search_title", "preview_draft", "preview_future", "preview_expired",
    ] + ContentType.allCases.flatMap { ["type_\($0.rawValue)", "list_\($0.rawValue)"] }
        + EventType.allCases.flatMap { ["event_\($0.rawValue)", "event_type_list_\($0.rawValue)"] }

    public let table: [String: String]

    public init(_ table: [String: String]) {
        self.table = table
    }

    public subscript(_ key: String) -> String { table[key] ?? key }

    public func typeName(_ type: ContentType) -> String { self["type_\(type.rawValue)"] }
    public func listName(_ type: ContentType) -> String { self["list_\(type.rawValue)"] }
    public func eventTypeName(_ type: EventType) -> String { self["event_\(type.rawValue)"] }
}
