import Mustache

extension TemplateSpecializer {
    /// A render with stand-ins, writing down every lookup. Used by one thread for one render.
    final class Recorder {
        private(set) var steps: [Step] = []
        private(set) var slots: [String] = []
        private var objects: [Replay.Object]
        private var lists: [Replay.List] = []
        /// A stand-in was used in a way it cannot mimic: the output may differ from the real render.
        var failed = false

        init(root: Replay.Object) {
            objects = [root]
        }

        func lookup(_ object: Int, _ name: String) -> Any? {
            let found = objects[object].child(name)
            return record(.lookup(object: object, name: name), found)
        }

        func next(_ list: Int, _ position: Int) -> Any? {
            guard position < lists[list].count else {
                steps.append(Step(call: .next(list: list, position: position), fact: .end, accessor: nil))
                return nil
            }
            let element = lists[list].element(position)
            let standIn = record(.next(list: list, position: position), element)
            // A missing element would end the stand-in's iteration early.
            if standIn == nil { failed = true }
            return standIn
        }

        func isEmpty(_ list: Int) -> Bool {
            let empty = lists[list].count == 0
            steps.append(Step(call: .isEmpty(list: list), fact: .bool(empty), accessor: nil))
            return empty
        }

        func count(_ list: Int) -> Any? {
            record(.count(list: list), lists[list].count)
        }

        /// Records what `call` found and returns what the engine gets instead.
        private func record(_ call: Call, _ found: Any?) -> Any? {
            guard let found else {
                steps.append(Step(call: call, fact: .absent, accessor: nil))
                return nil
            }
            let type = type(of: found)
            if type == TemplateText.self {
                let text = (found as! TemplateText).renderText
                return recordText(call, text, isString: false) ?? found
            }
            if type == String.self {
                let text = found as! String
                return recordText(call, text, isString: true) ?? found
            }
            if type == Bool.self {
                steps.append(Step(call: call, fact: .bool(found as! Bool), accessor: nil))
                return found
            }
            if type == Int.self {
                steps.append(Step(call: call, fact: .int, accessor: nil))
                slots.append(String(found as! Int))
                return SentinelString(marker: ShapeOutput.marker(slots.count - 1, ending: .other), recorder: self)
            }
            if let list = found as? any ListAccessorMaking {
                let accessor = list.listAccessor
                lists.append(accessor.bind(found))
                steps.append(Step(call: call, fact: .list(ObjectIdentifier(type)), accessor: .elements(accessor)))
                return SkeletonList(recorder: self, index: lists.count - 1)
            }
            if let parent = found as? any MustacheParent, Self.isPlainParent(found) {
                let accessor = ChildAccessor.make(parent)
                objects.append(accessor.bind(found))
                steps.append(Step(call: call, fact: .object(ObjectIdentifier(type)), accessor: .child(accessor)))
                return SkeletonParent(recorder: self, index: objects.count - 1)
            }
            failed = true
            steps.append(Step(call: call, fact: .absent, accessor: nil))
            return found
        }

        /// A slot's stand-in for a text; nil for an empty one or a lone line feed, written as they are.
        private func recordText(_ call: Call, _ text: String, isString: Bool) -> Any? {
            if text.utf8.contains(0xEE) && TemplateSpecializer.hasMarkerCharacters(text) { failed = true }
            let ending = LineEnding(of: text)
            steps.append(Step(call: call, fact: Fact.forText(text, ending: ending, isString: isString), accessor: nil))
            guard !text.isEmpty, ending != .onlyLineFeed else { return nil }
            slots.append(text)
            let marker = ShapeOutput.marker(slots.count - 1, ending: ending)
            return isString ? SentinelString(marker: marker, recorder: self) as Any : SentinelText(renderText: marker) as Any
        }

        /// An object the engine treats only as a parent: anything else it would also be (renderable,
        /// transformable, a sequence, a lambda, a template) a stand-in could not mimic.
        private static func isPlainParent(_ value: Any) -> Bool {
            !(value is MustacheCustomRenderable || value is MustacheCustomRepresentation || value is MustacheTransformable
                || value is any MustacheSequence || value is MustacheLambda || value is MustacheTemplate)
        }
    }

    /// Lists a recording can read: arrays of any element type.
    protocol ListAccessorMaking {
        var listAccessor: ListAccessor { get }
    }
}

extension Array: TemplateSpecializer.ListAccessorMaking {
    var listAccessor: TemplateSpecializer.ListAccessor { TemplateSpecializer.ListAccessor.make(self) }
}
