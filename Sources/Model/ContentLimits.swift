/// Bounds on what one site may fan out into, so a careless or hostile file cannot make a build write
/// hundreds of thousands of pages (one tag is a page, a feed entry and a browse filter in each list).
/// Documented in docs/content-format.md; going over is an error at the line that does.
public enum ContentLimits {
    /// Tags on one item.
    public static let tagsPerItem = 50
    /// Different tags (by their address) in one language across the site.
    public static let tagsPerLanguage = 5_000
    /// Terms in `regions.yml` or `themes.yml`.
    public static let vocabularyTerms = 500
    /// Bytes of one file named in `site.yml` (logo, favicon, partner logo): every reader loads it.
    public static let siteFileBytes = 1_048_576
}
