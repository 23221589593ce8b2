import Mustache

/// A view model passed to Mustache by reference.
///
/// swift-mustache keeps its context stack as `[Any]` and casts each entry to `MustacheParent` on every
/// lookup that reaches it; for a struct, that cast copies the whole value out of its box (a retain and a
/// release per field). The page context holds the shell, the item and the list, so a lookup that reached
/// it (every UI string, every shell field) copied some sixty references. Boxed, a lookup costs one retain.
/// Large contexts are boxed where they enter a template: the root of every render and the nested
/// contexts that sections open (`{{#item}}`, `{{#event}}`, …).
///
/// The box is a struct around a class, not the class itself: every stack entry a lookup passes is first
/// cast to `MustacheCustomRepresentation`, which it is not, and on Linux a failing protocol cast costs
/// about twice as much for a class instance (~230 ns) as for a struct (~120 ns).
package struct MustacheBox<Value: MustacheParent>: MustacheParent {
    private final class Storage {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private let storage: Storage

    package init(_ value: Value) {
        storage = Storage(value)
    }

    package func child(named name: String) -> Any? {
        storage.value.child(named: name)
    }
}

/// A text is a leaf for Mustache lookups. `{{#summary}}…{{/summary}}` puts the text on the context stack,
/// and every name looked up inside the section (`{{t.published}}`, `{{dateISO}}`) asks it first; a type
/// that is not a `MustacheParent` is asked through `Mirror`, which builds a reflection of the string
/// each time only to find no children.
extension String: @retroactive MustacheParent {
    public func child(named name: String) -> Any? { nil }
}

/// A text as a template shows it. swift-mustache renders a value it does not know by asking, in turn,
/// whether it is an optional (`AnyOptional`, a conformance lookup that fails for every string, ~1,400
/// instructions) and then `String(describing:)` (more lookups and a copy of the text). A custom-renderable
/// value is rendered from `renderText` directly. Sections over it (`{{#summary}}…{{.}}…{{/summary}}`) and
/// inverted sections behave as for the string itself: it is never null, also when empty.
public struct TemplateText: MustacheCustomRenderable, MustacheParent {
    public let renderText: String
    public var isNull: Bool { false }
    public func child(named name: String) -> Any? { nil }
}

/// A view model whose fields are looked up by `field(named:)`; the texts among them reach the template
/// as `TemplateText`.
public protocol TemplateFields: MustacheParent {
    func field(named name: String) -> Any?
}

extension TemplateFields {
    public func child(named name: String) -> Any? {
        guard let value = field(named: name) else { return nil }
        // Compared by type first: a failing `as? String` is a slow runtime cast, a matching one is quick.
        if type(of: value) == String.self { return TemplateText(renderText: value as! String) }
        return value
    }
}

/// The theme's UI strings as templates read them (`{{t.published}}`).
package struct UIStringsFields: MustacheParent {
    let table: [String: String]
    package init(table: [String: String]) { self.table = table }
    package func child(named name: String) -> Any? { table[name].map(TemplateText.init(renderText:)) }
}
