import Model
import Mustache
import Synchronization

/// Renders pages that share a shape through swift-mustache once, and every other page of that shape by
/// filling its texts into the first one's output.
///
/// swift-mustache resolves every `{{name}}` by walking the context stack with runtime protocol casts
/// (a third of a build's CPU time, most of it casts both cores contend for). What it writes depends on
/// what its lookups return: whether a value is missing, a Bool, a number, a list and how many elements
/// it gave, a nested object — and the texts, which it only escapes and writes out. So the first page of
/// a template is rendered with stand-ins: each non-empty text becomes a marker (`\u{E000}&12\u{E001}`)
/// and every lookup is recorded with what it found (a *fact*). The output is cut at the markers. A later
/// page replays the recorded lookups on its own context; where every fact is the same, the engine would
/// have made the same lookups and written the same output around different texts, so the page is the
/// pieces with its texts in between (HTML-escaped where the marker's `&` came out as `&amp;`). Where a
/// fact differs, the page is rendered with stand-ins too and its lookups become another branch of the
/// template's tree of shapes (`ShapeTable`).
///
/// Exactness rests on the stand-ins behaving as the values do in every way the engine can observe
/// (type, emptiness, a closing line break, list lengths); whatever a stand-in cannot mimic — a
/// transform of a text, printing an object, a value of another kind, a marker character in a template —
/// marks the recording failed, and the template renders through the engine for the rest of the build.
/// Dynamic partials (`{{>*name}}`) read a text's value, so a theme with one is never specialized.
final class TemplateSpecializer: Sendable {
    private struct Key: Hashable {
        let template: String
        let language: Language?
    }

    private struct Shapes {
        var tables: [Key: ShapeTable] = [:]
        var counts: [Key: Int] = [:]
        var unspecializable: Set<Key> = []
    }

    /// Past this many shapes, a template's new shapes are rendered by the engine without being kept: a
    /// template whose pages all differ in shape would otherwise keep one tree branch per page.
    let shapeLimit: Int

    private let shapes = Mutex(Shapes())
    let isEnabled: Bool
    /// Pages written from a recorded shape, and pages rendered with stand-ins (for tests and benchmarks).
    let replays = Atomic<Int>(0)
    let recordings = Atomic<Int>(0)

    init(enabled: Bool, shapeLimit: Int = 2_000) {
        isEnabled = enabled
        self.shapeLimit = shapeLimit
    }

    /// A template that reads a text's value itself (a dynamic partial `{{>*name}}` or parent `{{<*name}}`)
    /// or contains a marker character: stand-ins cannot render it as the values would.
    static func needsTheEngine(_ template: String) -> Bool {
        if hasMarkerCharacters(template) { return true }
        var rest = template[...]
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let kind = rest.first, kind == ">" || kind == "<" else { continue }
            if rest.dropFirst().drop(while: { $0 == " " || $0 == "\t" }).first == "*" { return true }
        }
        return false
    }

    static func hasMarkerCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "\u{E000}" || $0 == "\u{E001}" }
    }

    /// `template` rendered with `context` through `library`, as `library.render` would give it.
    func render<Context: MustacheParent>(
        _ context: Context, template: String, language: Language?, library: MustacheLibrary
    ) -> String {
        let key = Key(template: template, language: language)
        guard isEnabled else { return library.render(MustacheBox(context), withTemplate: template) ?? "" }
        let (table, usable) = shapes.withLock { ($0.tables[key], !$0.unspecializable.contains(key) && $0.counts[key, default: 0] < shapeLimit) }
        let root = Replay.Object(context)
        if let table, let html = Replay.run(table, root: root) {
            replays.add(1, ordering: .relaxed)
            return html
        }
        guard usable else { return library.render(MustacheBox(context), withTemplate: template) ?? "" }
        recordings.add(1, ordering: .relaxed)
        let recorder = Recorder(root: root)
        let skeleton = library.render(SkeletonParent(recorder: recorder, index: 0), withTemplate: template) ?? ""
        guard !recorder.failed, let output = ShapeOutput(skeleton: skeleton) else {
            shapes.withLock { _ = $0.unspecializable.insert(key) }
            return library.render(MustacheBox(context), withTemplate: template) ?? ""
        }
        shapes.withLock { shapes in
            shapes.tables[key] = ShapeTable.inserting(recorder.steps, output: output, into: shapes.tables[key])
            shapes.counts[key, default: 0] += 1
        }
        return output.filled(with: recorder.slots)
    }
}
