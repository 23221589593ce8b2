import Model
import Synchronization
import Templates

/// Template output remembered under a key, for parts many pages share (cards, the shell's
/// language-wide fragments). Safe to use from the parallel page renderers: a miss renders outside the
/// lock, so two threads may render the same part once each but never wait on each other.
final class RenderedTemplateCache<Key: Hashable & Sendable>: Sendable {
    private let templates: TemplateSet
    private let cache = Mutex<[Key: String]>([:])

    init(templates: TemplateSet) {
        self.templates = templates
    }

    /// `template` rendered with `context` the first time `key` is asked for; empty when the theme has no
    /// such template.
    func html(_ template: String, key: Key, context: some TemplateFields, strings: Language? = nil) -> String {
        if let cached = cache.withLock({ $0[key] }) { return cached }
        let html = templates.has(template) ? templates.render(context, template: template, strings: strings) : ""
        cache.withLock { $0[key] = html }
        return html
    }
}
