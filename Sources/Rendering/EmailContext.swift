import Templates

/// What the `email` template sees: one newsletter issue with absolute links everywhere.
public struct EmailContext: TemplateFields, Sendable {
    public var lang: String
    public var siteTitle: String
    public var homeURL: String
    public var issue: Int
    public var title: String
    public var subject: String
    public var preheader: String?
    public var dateText: String?
    public var introHTML: String
    /// The issue's lead picture: a JPEG or PNG at twice the column's width, by absolute URL.
    public var picture: PictureContext? = nil
    public var entries: [CardContext]
    public var webVersionURL: String
    public var sender: String
    /// The unsubscribe placeholder (mailing copy) or the newsletter page (the copy on the site).
    public var unsubscribe: String
    public var unsubscribeLabel: String
    public var strings: [String: String]

    public func field(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "siteTitle": siteTitle
        case "homeURL": homeURL
        case "issue": issue
        case "title": title
        case "subject": subject
        case "preheader": preheader
        case "dateText": dateText
        case "introHTML": introHTML
        case "picture": picture
        case "entries": entries
        case "webVersionURL": webVersionURL
        case "sender": sender
        case "unsubscribe": unsubscribe
        case "unsubscribeLabel": unsubscribeLabel
        case "t": UIStringsFields(table: strings)
        default: nil
        }
    }
}
