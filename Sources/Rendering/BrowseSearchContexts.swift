import Templates

/// The knowledge bank's browse page.
public struct BrowseContext: TemplateFields, Sendable {
    public var types: [TermContext]
    public var regions: [TermContext]
    public var themes: [TermContext]
    public var tags: [TermContext]
    public var practicesByRegion: [RegionPracticesContext]
    public var dataURL: String

    public func field(named name: String) -> Any? {
        switch name {
        case "types": types
        case "regions": regions
        case "themes": themes
        case "tags": tags
        case "practicesByRegion": practicesByRegion
        case "dataURL": dataURL
        default: nil
        }
    }
}

/// The search page: where its index is, and the other language's.
public struct SearchContext: TemplateFields, Sendable {
    public var dataURL: String
    public var otherDataURL: String
    public var browseURL: String

    public func field(named name: String) -> Any? {
        switch name {
        case "dataURL": dataURL
        case "otherDataURL": otherDataURL
        case "browseURL": browseURL
        default: nil
        }
    }
}
