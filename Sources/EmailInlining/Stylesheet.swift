/// A stylesheet reduced to what e-mail inlining needs: rules with simple selectors (element, `.class`,
/// `element.class`, and descendant combinations of these), plus the at-rule blocks (`@media …`) that
/// cannot be inlined and stay in a `<style>` element.
public struct Stylesheet: Sendable, Equatable {
    /// One compound selector part: `td.card` → element "td", classes ["card"].
    public struct Compound: Sendable, Equatable {
        public var element: String?
        public var classes: [String]
    }

    /// A selector: compounds from the outermost ancestor to the element itself.
    public struct Selector: Sendable, Equatable {
        public var compounds: [Compound]

        /// (classes, elements), compared lexicographically.
        public var specificity: (Int, Int) {
            (compounds.reduce(0) { $0 + $1.classes.count }, compounds.reduce(0) { $0 + ($1.element == nil ? 0 : 1) })
        }

        public static func == (a: Selector, b: Selector) -> Bool { a.compounds == b.compounds }
    }

    /// One rule with its declarations (`property: value` pairs, in order).
    public struct Rule: Sendable, Equatable {
        public var selectors: [Selector]
        public var declarations: [(property: String, value: String)]
        public var order: Int

        public static func == (a: Rule, b: Rule) -> Bool {
            a.selectors == b.selectors && a.order == b.order
                && a.declarations.map { "\($0.property):\($0.value)" } == b.declarations.map { "\($0.property):\($0.value)" }
        }
    }

    public var rules: [Rule]
    /// `@media` and other at-rule blocks, verbatim.
    public var atRules: [String]
    /// Selectors the inliner does not understand (pseudo-classes, child combinators …): reported, not applied.
    public var unsupported: [String]

    /// Parses CSS text.
    public init(css: String) {
        rules = []
        atRules = []
        unsupported = []
        let text = Self.stripComments(css)
        var index = text.startIndex
        var order = 0
        while index < text.endIndex {
            guard let open = text[index...].firstIndex(of: "{") else { break }
            let prelude = text[index..<open].trimmingCharacters(in: .whitespacesAndNewlines)
            let close = Self.matchingBrace(in: text, from: open)
            let body = text[text.index(after: open)..<close]
            if prelude.hasPrefix("@") {
                atRules.append("\(prelude) {\(body)}")
            } else {
                var selectors: [Selector] = []
                for part in prelude.split(separator: ",") {
                    let trimmed = part.trimmingCharacters(in: .whitespacesAndNewlines)
                    if let selector = Self.parseSelector(trimmed) {
                        selectors.append(selector)
                    } else if !trimmed.isEmpty {
                        unsupported.append(trimmed)
                    }
                }
                let declarations = Self.parseDeclarations(String(body))
                if !selectors.isEmpty, !declarations.isEmpty {
                    rules.append(Rule(selectors: selectors, declarations: declarations, order: order))
                    order += 1
                }
            }
            index = close < text.endIndex ? text.index(after: close) : close
        }
    }

    static func stripComments(_ css: String) -> String {
        var result = ""
        var rest = css[...]
        while let start = rest.range(of: "/*") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].range(of: "*/") else { return result }
            rest = rest[end.upperBound...]
        }
        return result + rest
    }

    static func matchingBrace(in text: String, from open: String.Index) -> String.Index {
        var depth = 0
        var index = open
        while index < text.endIndex {
            if text[index] == "{" { depth += 1 }
            if text[index] == "}" {
                depth -= 1
                if depth == 0 { return index }
            }
            index = text.index(after: index)
        }
        return text.endIndex
    }

    static func parseSelector(_ text: String) -> Selector? {
        var compounds: [Compound] = []
        for token in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            guard token.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }),
                  !token.hasSuffix(".")
            else { return nil }
            let parts = token.split(separator: ".", omittingEmptySubsequences: false)
            let element = parts[0].isEmpty ? nil : parts[0].lowercased()
            let classes = parts.dropFirst().map(String.init)
            guard element != nil || !classes.isEmpty, !classes.contains("") else { return nil }
            compounds.append(Compound(element: element, classes: classes))
        }
        return compounds.isEmpty ? nil : Selector(compounds: compounds)
    }

    static func parseDeclarations(_ body: String) -> [(property: String, value: String)] {
        body.split(separator: ";").compactMap { declaration in
            guard let colon = declaration.firstIndex(of: ":") else { return nil }
            let property = declaration[..<colon].trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            let value = declaration[declaration.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            return property.isEmpty || value.isEmpty ? nil : (property, value)
        }
    }
}
