import Markdown
import Model

/// The rendered Markdown bodies of a site by content path.
///
/// A preview edit replaces one or two bodies of thousands while the previous snapshot keeps the old ones
/// (for a failed rebuild), so a plain dictionary would be copied whole on every edit; a
/// `LayeredDictionary` keeps the bodies a build rendered shared by every later snapshot.
public struct RenderedBodies: Sendable {
    private var bodies: LayeredDictionary<String, RenderedMarkdown>

    public init(_ bodies: [String: RenderedMarkdown] = [:]) {
        self.bodies = LayeredDictionary(bodies)
    }

    public subscript(path: String) -> RenderedMarkdown? {
        bodies[path]
    }

    /// These bodies with `replacements` put in place of (or beside) the ones at their paths.
    public func replacing(_ replacements: [String: RenderedMarkdown]) -> RenderedBodies {
        if bodies.isEmpty { return RenderedBodies(replacements) }
        var copy = self
        for (path, body) in replacements { copy.bodies[path] = body }
        return copy
    }
}
