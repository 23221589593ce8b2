/// A controlled vocabulary (regions or themes): keys defined once, with a label per language.
public struct Vocabulary: Sendable, Hashable {
    /// One key of a vocabulary.
    public struct Term: Sendable, Hashable {
        public var key: String
        public var label: [Language: String]
        public var description: [Language: String]
        /// The term's URL segment per language; where none is set, the key (the Finnish name).
        public var slugs: [Language: String]

        public init(
            key: String, label: [Language: String], description: [Language: String] = [:], slugs: [Language: String] = [:]
        ) {
            self.key = key
            self.label = label
            self.description = description
            self.slugs = slugs
        }

        /// The term's page address segment in `language`: `ahvenanmaa` in Finnish, `aland` in Swedish.
        public func slug(_ language: Language) -> String { slugs[language] ?? key }
    }

    /// The terms in the order the vocabulary file lists them.
    public private(set) var terms: [Term]
    private var positions: [String: Int]

    public init(terms: [Term]) {
        self.terms = terms
        var positions: [String: Int] = [:]
        for (index, term) in terms.enumerated() where positions[term.key] == nil {
            positions[term.key] = index
        }
        self.positions = positions
    }

    public func term(_ key: String) -> Term? {
        positions[key].map { terms[$0] }
    }

    public func contains(_ key: String) -> Bool { positions[key] != nil }

    public var keys: [String] { terms.map(\.key) }
}
