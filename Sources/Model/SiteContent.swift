/// Everything read from `content/`: settings, vocabularies, items and the files beside them.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    public var regions: Vocabulary
    public var themes: Vocabulary
    /// Every item that decoded without errors, ordered by path.
    public var items: [ContentItem]
    public var assets: [ContentAsset]
    /// Finnish tag → Swedish tag pairs from `content/tags.yml`, so the two tag pages link each other.
    public var tagPairs: [(fi: String, sv: String)]

    public init(
        config: SiteConfig, regions: Vocabulary, themes: Vocabulary, items: [ContentItem], assets: [ContentAsset],
        tagPairs: [(fi: String, sv: String)] = []
    ) {
        self.tagPairs = tagPairs
        self.config = config
        self.regions = regions
        self.themes = themes
        self.items = items
        self.assets = assets
    }
}
