import Mustache

extension TemplateSpecializer {
    /// The stand-in for an object: its lookups are recorded.
    struct SkeletonParent: MustacheParent, CustomStringConvertible {
        let recorder: Recorder
        let index: Int

        func child(named name: String) -> Any? { recorder.lookup(index, name) }

        /// Printing an object shows its fields' values, which a stand-in does not have.
        var description: String {
            recorder.failed = true
            return ""
        }
    }

    /// The stand-in for a list: iterations and the `empty` and `count` transforms are recorded, other
    /// transforms (`sorted`, `reversed`, …) mark the recording failed.
    struct SkeletonList: MustacheSequence, MustacheTransformable, CustomStringConvertible {
        let recorder: Recorder
        let index: Int

        struct Iterator: IteratorProtocol {
            let recorder: Recorder
            let index: Int
            var position = 0

            mutating func next() -> Any? {
                defer { position += 1 }
                return recorder.next(index, position)
            }
        }

        func makeIterator() -> Iterator { Iterator(recorder: recorder, index: index) }

        func transform(_ name: String) -> Any? {
            switch name {
            case "empty": return recorder.isEmpty(index)
            case "count": return recorder.count(index)
            case "first": return recorder.next(index, 0)
            default:
                recorder.failed = true
                return nil
            }
        }

        var description: String {
            recorder.failed = true
            return ""
        }
    }

    /// The stand-in for a `TemplateText`: renders as its marker.
    struct SentinelText: MustacheCustomRenderable, MustacheParent {
        let renderText: String
        var isNull: Bool { false }
        func child(named name: String) -> Any? { nil }
    }

    /// The stand-in for a `String` (list elements) or an `Int`: printed as its marker; a transform of it would
    /// need its value.
    struct SentinelString: CustomStringConvertible, MustacheParent, MustacheTransformable {
        let marker: String
        let recorder: Recorder

        var description: String { marker }
        func child(named name: String) -> Any? { nil }

        func transform(_ name: String) -> Any? {
            recorder.failed = true
            return nil
        }
    }
}
