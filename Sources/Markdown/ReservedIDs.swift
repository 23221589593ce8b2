/// Element ids the theme's pages have besides their body's headings (`<main id="main">`, the related
/// section's `id="related-heading"` …), so that a heading never takes one: a duplicate id breaks the
/// skip link, labels and `#anchors`. Taken from the templates' `id` attributes (`TemplateSet.elementIDs`),
/// never listed by hand: a literal id is reserved as it is; an id made with a tag (`block-{{id}}`)
/// reserves its literal start, so no heading id begins with `block-`.
public struct ReservedIDs: Sendable, Hashable {
    public private(set) var ids: Set<String>
    public private(set) var prefixes: Set<String>

    /// Nothing reserved (a body rendered on its own, in tests).
    public static let none = ReservedIDs(attributeValues: [])

    /// - Parameter attributeValues: the `id` attributes as the templates write them, tags included.
    public init(attributeValues: [String]) {
        var ids: Set<String> = []
        var prefixes: Set<String> = []
        for value in attributeValues {
            if let tag = value.firstRange(of: "{{") {
                let prefix = String(value[..<tag.lowerBound])
                if !prefix.isEmpty { prefixes.insert(prefix) }
            } else if !value.isEmpty {
                ids.insert(value)
            }
        }
        self.ids = ids
        self.prefixes = prefixes
    }

    /// Whether a heading may not have `id`.
    public func reserves(_ id: String) -> Bool {
        ids.contains(id) || prefixes.contains { id.hasPrefix($0) }
    }

    /// Whether `id` begins with a reserved prefix, so that no number after it would free it.
    func hasReservedPrefix(_ id: String) -> Bool {
        prefixes.contains { id.hasPrefix($0) }
    }
}
