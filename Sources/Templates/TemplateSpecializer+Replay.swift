import Mustache

extension TemplateSpecializer {
    enum Replay {
        /// An object's `child(named:)`, bound to the object.
        struct Object {
            let child: (String) -> Any?

            init<Parent: MustacheParent>(_ parent: Parent) {
                child = { name in parent.child(named: name) }
            }
        }

        /// A list's length and elements.
        struct List {
            let count: Int
            let element: (Int) -> Any

            init<Element>(_ elements: [Element]) {
                count = elements.count
                element = { elements[$0] }
            }
        }

        /// The page if its lookups follow a recorded shape to the end; nil at the first fact the table has
        /// not seen.
        static func run(_ table: ShapeTable, root: Object) -> String? {
            var objects = [root]
            var lists: [List] = []
            var slots: [String] = []
            return table.nodes.withUnsafeBufferPointer { nodes in
                table.edges.withUnsafeBufferPointer { edges in
                    var current = 0
                    while true {
                        let node = nodes[current]
                        let found: Any?
                        var ended = false
                        switch node.kind {
                        case .leaf:
                            return table.outputs[Int(node.argument)].filled(with: slots)
                        case .lookup:
                            found = objects[Int(node.subject)].child(table.names[Int(node.argument)])
                        case .next:
                            let list = lists[Int(node.subject)], position = Int(node.argument)
                            if position < list.count { found = list.element(position) } else { found = nil; ended = true }
                        case .isEmpty:
                            found = lists[Int(node.subject)].count == 0
                        case .count:
                            found = lists[Int(node.subject)].count
                        }
                        var chosen = -1
                        for index in Int(node.firstEdge)..<Int(node.firstEdge + node.edgeCount)
                        where matches(edges[index].fact, found, ended: ended) {
                            chosen = index
                            break
                        }
                        guard chosen >= 0 else { return nil }
                        let edge = edges[chosen]
                        switch edge.fact {
                        case .text(empty: false, let ending) where ending != .onlyLineFeed:
                            slots.append((found as! TemplateText).renderText)
                        case .string(empty: false, let ending) where ending != .onlyLineFeed:
                            slots.append(found as! String)
                        case .int:
                            slots.append(String(found as! Int))
                        case .object:
                            guard case .child(let accessor) = table.accessors[Int(edge.accessor)] else { return nil }
                            objects.append(accessor.bind(found!))
                        case .list:
                            guard case .elements(let accessor) = table.accessors[Int(edge.accessor)] else { return nil }
                            lists.append(accessor.bind(found!))
                        default:
                            break
                        }
                        current = Int(edge.next)
                    }
                }
            }
        }

        private static func matches(_ fact: Fact, _ value: Any?, ended: Bool) -> Bool {
            if ended { return fact == .end }
            guard let value else { return fact == .absent }
            let type = type(of: value)
            switch fact {
            case .absent, .end:
                return false
            case .text(let empty, let ending):
                guard type == TemplateText.self else { return false }
                let text = (value as! TemplateText).renderText
                return text.isEmpty == empty && LineEnding(of: text) == ending
            case .string(let empty, let ending):
                guard type == String.self else { return false }
                let text = value as! String
                return text.isEmpty == empty && LineEnding(of: text) == ending
            case .bool(let flag):
                return type == Bool.self && (value as! Bool) == flag
            case .int:
                return type == Int.self
            case .object(let identifier), .list(let identifier):
                return ObjectIdentifier(type) == identifier
            }
        }
    }
}
