import Templates

/// The whole context a page template renders: the shell and the one content part that page has.
public struct PageContext: TemplateFields, Sendable {
    public var shell: ShellContext
    public var item: ItemContext? = nil
    public var list: ListContext? = nil
    public var blocks: [HomeBlockContext]? = nil
    /// The root page's choice of language, one entry per language.
    public var languages: [LanguageChoiceContext]? = nil
    /// The root's not-found page: the message once per language.
    public var notFound: [NotFoundContext]? = nil
    /// schema.org JSON-LD for the page's head, already safe to place inside `<script>`.
    public var structuredData: String? = nil
    /// The terms of one kind with their counts, on a term index page.
    public var termIndex: TermIndexContext? = nil
    public var browse: BrowseContext? = nil
    public var search: SearchContext? = nil
    /// The newsletter sign-up form in the page's content (home and newsletter pages, when configured).
    public var signup: SignupContext? = nil

    public init(shell: ShellContext) {
        self.shell = shell
    }

    public func field(named name: String) -> Any? {
        switch name {
        case "item": item.map(MustacheBox.init)
        case "list": list.map(MustacheBox.init)
        case "blocks": blocks
        case "languages": languages
        case "notFound": notFound
        case "structuredData": structuredData
        case "termIndex": termIndex.map(MustacheBox.init)
        case "browse": browse.map(MustacheBox.init)
        case "search": search.map(MustacheBox.init)
        case "signup": signup
        default: shell.child(named: name)
        }
    }
}
