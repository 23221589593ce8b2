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

// MARK: - Facts and the tree of shapes

/// What one lookup, list step or list question found, as far as the engine can tell.
enum Fact: Equatable {
    case absent
    /// A `TemplateText`: empty texts are written as they are, others are slots.
    case text(empty: Bool, ending: LineEnding)
    /// A `String` (list elements): the same, with `String`'s behaviour in the engine.
    case string(empty: Bool, ending: LineEnding)
    case bool(Bool)
    /// An `Int`: written out like a text (the engine only prints numbers and treats them as true).
    case int
    case object(ObjectIdentifier)
    case list(ObjectIdentifier)
    /// A list's iteration ended.
    case end

    /// The fact for a text; texts other than "" and "\n" are slots.
    static func forText(_ text: String, ending: LineEnding, isString: Bool) -> Fact {
        isString ? .string(empty: text.isEmpty, ending: ending) : .text(empty: text.isEmpty, ending: ending)
    }
}

/// How a text ends, as far as the engine can tell: when it indents a partial it asks whether the output
/// so far ends with a line feed (`string.last == "\n"`), and a carriage return at the end of a text
/// joins a line feed at the start of the next into one character (`"\r\n"`). A stand-in for a text with
/// such an ending ends the same way.
/// A text that is a line feed and nothing else joins a carriage return before it, which no stand-in
/// could; such texts are written as they are, like empty ones.
enum LineEnding: Equatable {
    case other
    case lineFeed
    case carriageReturn
    case onlyLineFeed

    init(of text: String) {
        var utf8 = text.utf8.reversed().makeIterator()
        switch utf8.next() {
        // A line feed is a character of its own unless a carriage return precedes it.
        case UInt8(ascii: "\n"):
            switch utf8.next() {
            case nil: self = .onlyLineFeed
            case UInt8(ascii: "\r"): self = .other
            default: self = .lineFeed
            }
        case UInt8(ascii: "\r"): self = .carriageReturn
        default: self = .other
        }
    }

    /// The character a stand-in ends with, and the letter that says so in its marker.
    var character: String? {
        switch self {
        case .other, .onlyLineFeed: nil
        case .lineFeed: "\n"
        case .carriageReturn: "\r"
        }
    }

    var markerLetter: String {
        switch self {
        case .other, .onlyLineFeed: ""
        case .lineFeed: "n"
        case .carriageReturn: "r"
        }
    }
}

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

/// A shape's output cut at the markers: `pieces[0]`, hole 0, `pieces[1]`, …, `pieces.last`.
struct ShapeOutput: Sendable {
    struct Hole: Sendable {
        let slot: Int
        let escaped: Bool
        /// The marker ended with the text's last character (a line break), which is in the next piece.
        let endsInNextPiece: Bool
    }

    let pieces: [String]
    let holes: [Hole]
    let size: Int

    static let markerEnd: [UInt8] = [0xEE, 0x80, 0x81]  // U+E001

    /// `\u{E000}&12\u{E001}`; for a text ending in a line break `\u{E000}&12n\u{E001}\n` (`r` and `\r` for
    /// a carriage return), so that the output ends as it would with the text.
    static func marker(_ slot: Int, ending: LineEnding) -> String {
        "\u{E000}&\(slot)\(ending.markerLetter)\u{E001}" + (ending.character ?? "")
    }

    /// Cuts a skeleton render at its markers; nil if a marker character appears any other way.
    init?(skeleton: String) {
        let bytes = Array(skeleton.utf8)
        var pieces: [String] = []
        var holes: [Hole] = []
        var pieceStart = 0
        var index = 0
        while index + 2 < bytes.count {
            guard bytes[index] == 0xEE, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 || bytes[index + 2] == 0x81 else {
                index += 1
                continue
            }
            guard bytes[index + 2] == 0x80 else { return nil }
            var cursor = index + 3
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "&") else { return nil }
            cursor += 1
            var escaped = false
            if bytes[cursor...].starts(with: "amp;".utf8) {
                escaped = true
                cursor += 4
            }
            var slot = 0
            var digits = 0
            while cursor < bytes.count, bytes[cursor] >= UInt8(ascii: "0"), bytes[cursor] <= UInt8(ascii: "9") {
                slot = slot * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
                cursor += 1
                digits += 1
            }
            var ending: UInt8?
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "n") || bytes[cursor] == UInt8(ascii: "r") {
                ending = bytes[cursor] == UInt8(ascii: "n") ? UInt8(ascii: "\n") : UInt8(ascii: "\r")
                cursor += 1
            }
            guard digits > 0, bytes[cursor...].starts(with: Self.markerEnd) else { return nil }
            cursor += 3
            if let ending, cursor >= bytes.count || bytes[cursor] != ending { return nil }
            pieces.append(String(decoding: bytes[pieceStart..<index], as: UTF8.self))
            holes.append(Hole(slot: slot, escaped: escaped, endsInNextPiece: ending != nil))
            pieceStart = cursor
            index = cursor
        }
        pieces.append(String(decoding: bytes[pieceStart...], as: UTF8.self))
        self.pieces = pieces
        self.holes = holes
        size = bytes.count
    }

    /// The page: the pieces with `slots` in the holes. A hole whose marker carried the text's trailing
    /// line break leaves it to the next piece.
    func filled(with slots: [String]) -> String {
        var html = ""
        html.reserveCapacity(size + slots.reduce(0) { $0 + $1.utf8.count })
        for (index, hole) in holes.enumerated() {
            html += pieces[index]
            let text = hole.escaped ? FastHTMLEscaping.escape(slots[hole.slot]) : slots[hole.slot]
            // The text's last byte, a line break, is the next piece's first.
            if hole.endsInNextPiece { html += text[..<text.utf8.index(before: text.utf8.endIndex)] } else { html += text }
        }
        html += pieces[pieces.count - 1]
        return html
    }
}

// MARK: - Replaying a shape

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

// MARK: - Recording a shape

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

extension Array: ListAccessorMaking {
    var listAccessor: ListAccessor { ListAccessor.make(self) }
}

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
