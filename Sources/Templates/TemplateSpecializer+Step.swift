import Mustache

extension TemplateSpecializer {
    /// One thing the engine asked while rendering.
    enum Call: Equatable {
        /// `child(named:)` of the object with this number.
        case lookup(object: Int, name: String)
        /// The element at `position` of an iteration over the list with this number (or its end).
        case next(list: Int, position: Int)
        /// The list's `empty` or `count` transform.
        case isEmpty(list: Int)
        case count(list: Int)
    }

    /// How to read a recorded type's children or elements again, without a protocol cast.
    enum Accessor {
        case child(ChildAccessor)
        case elements(ListAccessor)
    }

    /// Binds values of one `MustacheParent` type to their `child(named:)`: the value is taken out of its
    /// `Any` once (a large struct is copied by every cast), not at each lookup.
    struct ChildAccessor: Sendable {
        let bind: @Sendable (Any) -> Replay.Object

        static func make<Parent: MustacheParent>(_ parent: Parent) -> ChildAccessor {
            ChildAccessor { value in Replay.Object(value as! Parent) }
        }
    }

    /// Binds arrays of one type to their length and elements, without copying them into an `[Any]`.
    struct ListAccessor: Sendable {
        let bind: @Sendable (Any) -> Replay.List

        static func make<Element>(_ list: [Element]) -> ListAccessor {
            ListAccessor { value in Replay.List(value as! [Element]) }
        }
    }

    /// A recorded step: the call, and what it found.
    struct Step {
        let call: Call
        let fact: Fact
        let accessor: Accessor?
    }
}
