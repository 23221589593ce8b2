extension TemplateSpecializer {
    /// A template's shapes as a tree in flat arrays: node 0 is the first call; each node lists the facts
    /// seen for its call and the node each leads to; a leaf holds a shape's output.
    ///
    /// Immutable, so both cores read it without writing to it: a tree of objects made every step retain
    /// and release shared nodes, and each core's writes evicted the other's cache lines (a third of the
    /// replay's time went to one load). A new shape makes a new table with its steps appended.
    final class ShapeTable: @unchecked Sendable {
        struct Node {
            enum Kind: UInt8 { case lookup, next, isEmpty, count, leaf }
            var kind: Kind
            /// The object (lookup) or list (others) the call is about.
            var subject: Int32
            /// The name (an index into `names`) of a lookup, the position of a list step, the output of a leaf.
            var argument: Int32
            var firstEdge: Int32
            var edgeCount: Int32
        }

        struct Edge {
            var fact: Fact
            /// An index into `accessors` for objects and lists, else -1.
            var accessor: Int32
            var next: Int32
        }

        let nodes: [Node]
        let edges: [Edge]
        let names: [String]
        let accessors: [Accessor]
        let outputs: [ShapeOutput]

        init(nodes: [Node], edges: [Edge], names: [String], accessors: [Accessor], outputs: [ShapeOutput]) {
            self.nodes = nodes
            self.edges = edges
            self.names = names
            self.accessors = accessors
            self.outputs = outputs
        }

        /// The table with `steps` (ending in `output`) added; the table as it was if they contradict it.
        static func inserting(_ steps: [Step], output: ShapeOutput, into table: ShapeTable?) -> ShapeTable {
            var nodes = table?.nodes ?? []
            var edges = table?.edges ?? []
            var names = table?.names ?? []
            var accessors = table?.accessors ?? []
            var outputs = table?.outputs ?? []

            func node(for call: Call) -> Node {
                switch call {
                case .lookup(let object, let name):
                    var index = names.lastIndex(of: name)
                    if index == nil {
                        names.append(name)
                        index = names.count - 1
                    }
                    return Node(kind: .lookup, subject: Int32(object), argument: Int32(index!), firstEdge: 0, edgeCount: 0)
                case .next(let list, let position):
                    return Node(kind: .next, subject: Int32(list), argument: Int32(position), firstEdge: 0, edgeCount: 0)
                case .isEmpty(let list):
                    return Node(kind: .isEmpty, subject: Int32(list), argument: 0, firstEdge: 0, edgeCount: 0)
                case .count(let list):
                    return Node(kind: .count, subject: Int32(list), argument: 0, firstEdge: 0, edgeCount: 0)
                }
            }
            func edge(_ step: Step, next: Int) -> Edge {
                var accessor: Int32 = -1
                if let stepAccessor = step.accessor {
                    accessors.append(stepAccessor)
                    accessor = Int32(accessors.count - 1)
                }
                return Edge(fact: step.fact, accessor: accessor, next: Int32(next))
            }
            /// Appends nodes for `steps[index...]` and the leaf; returns the first one's index.
            func appendChain(from index: Int) -> Int {
                let first = nodes.count
                for position in index..<steps.count {
                    var added = node(for: steps[position].call)
                    added.firstEdge = Int32(edges.count)
                    added.edgeCount = 1
                    nodes.append(added)
                    edges.append(edge(steps[position], next: nodes.count))
                }
                outputs.append(output)
                nodes.append(Node(kind: .leaf, subject: 0, argument: Int32(outputs.count - 1), firstEdge: 0, edgeCount: 0))
                return first
            }
            func sameCall(_ node: Node, _ call: Call) -> Bool {
                switch (node.kind, call) {
                case (.lookup, .lookup(let object, let name)): return Int(node.subject) == object && names[Int(node.argument)] == name
                case (.next, .next(let list, let position)): return Int(node.subject) == list && Int(node.argument) == position
                case (.isEmpty, .isEmpty(let list)), (.count, .count(let list)): return Int(node.subject) == list
                default: return false
                }
            }

            guard let table, !nodes.isEmpty else {
                _ = appendChain(from: 0)
                return ShapeTable(nodes: nodes, edges: edges, names: names, accessors: accessors, outputs: outputs)
            }
            var current = 0
            for (index, step) in steps.enumerated() {
                let node = nodes[current]
                guard node.kind != .leaf, sameCall(node, step.call) else { return table }
                let range = Int(node.firstEdge)..<Int(node.firstEdge + node.edgeCount)
                if let found = range.first(where: { edges[$0].fact == step.fact }) {
                    current = Int(edges[found].next)
                    continue
                }
                // A new branch: this node's edges move to the end with the new one after them.
                let moved = Array(edges[range])
                let firstEdge = edges.count
                edges.append(contentsOf: moved)
                edges.append(edge(step, next: 0))
                let branch = appendChain(from: index + 1)
                edges[firstEdge + moved.count].next = Int32(branch)
                nodes[current].firstEdge = Int32(firstEdge)
                nodes[current].edgeCount += 1
                return ShapeTable(nodes: nodes, edges: edges, names: names, accessors: accessors, outputs: outputs)
            }
            return table  // every step known: the shape is already there
        }
    }
}
