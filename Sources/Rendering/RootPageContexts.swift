import Templates

/// The not-found message of one language on the root's `/404.html`, with the way to that language's home.
public struct NotFoundContext: TemplateFields, Sendable {
    public var lang: String
    public var title: String
    public var text: String
    public var siteTitle: String
    public var homeLabel: String
    public var href: String

    public func field(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "title": title
        case "text": text
        case "siteTitle": siteTitle
        case "homeLabel": homeLabel
        case "href": href
        default: nil
        }
    }
}

/// One language on the root page that offers both: the site's name and the prompt in that language, and
/// the way in, named in that language ("Suomeksi", "På svenska").
public struct LanguageChoiceContext: TemplateFields, Sendable {
    public var lang: String
    public var siteTitle: String
    public var prompt: String
    public var label: String
    public var href: String
    /// What goes before this language's site name in the page title: nothing for the first, a dash after.
    public var titleSeparator: String

    public func field(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "siteTitle": siteTitle
        case "prompt": prompt
        case "label": label
        case "href": href
        case "titleSeparator": titleSeparator
        default: nil
        }
    }
}
