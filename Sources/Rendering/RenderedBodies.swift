/// The rendered Markdown bodies of a site by content path.
///
/// A preview edit replaces one or two bodies of thousands while the previous snapshot keeps the old ones
/// (for a failed rebuild), so a single dictionary would be copied whole on every edit. The bodies a build
/// rendered stay in `base`, shared by every later snapshot; replaced ones go into a small `edited` layer
/// that is folded into `base` only when it has grown to an eighth of it.
public struct RenderedBodies: Sendable {
    private var base: [String: RenderedMarkdown]
    private var edited: [String: RenderedMarkdown] = [:]

    public init(_ bodies: [String: RenderedMarkdown] = [:]) {
        base = bodies
    }

    public subscript(path: String) -> RenderedMarkdown? {
        if !edited.isEmpty, let body = edited[path] { return body }
        return base[path]
    }

    /// These bodies with `replacements` put in place of (or beside) the ones at their paths.
    public func replacing(_ replacements: [String: RenderedMarkdown]) -> RenderedBodies {
        var copy = self
        if base.isEmpty {
            copy.base = replacements
            return copy
        }
        for (path, body) in replacements { copy.edited[path] = body }
        if copy.edited.count > 64, copy.edited.count * 8 > copy.base.count {
            copy.base.merge(copy.edited) { _, new in new }
            copy.edited = [:]
        }
        return copy
    }
}
