import Indexing
import Model

/// Lists derived from the index once per renderer rather than once per page: the feed-worthy items of
/// each language, each event type's events, and for related items each language's items by position with every term's newest
/// members as positions (so scoring moves integers, not whole items).
struct DerivedLists: Sendable {
    /// Strictly published items of a language that belong in feeds (not pages), newest first.
    private(set) var feedItems: [Language: [ContentItem]]
    /// A language's items (not pages), newest first; related-item scores index into it.
    private(set) var items: [Language: [ContentItem]]
    let position: [String: Int]
    /// (kind, key) → positions of the term's newest items, at most `relatedCandidates`.
    let termMembers: [Language: [TermKind: [String: [Int]]]]
    /// A language's events of each type: upcoming ones first, soonest first, then past ones, newest first.
    private(set) var eventsByType: [Language: [EventType: [ContentItem]]]

    static let relatedCandidates = 50

    init(index: SiteIndex) {
        let strict = PublishingPolicy(now: index.now)
        var feedItems: [Language: [ContentItem]] = [:]
        var items: [Language: [ContentItem]] = [:]
        var position: [String: Int] = [:]
        var termMembers: [Language: [TermKind: [String: [Int]]]] = [:]
        var eventsByType: [Language: [EventType: [ContentItem]]] = [:]
        for language in Language.allCases {
            var byType: [EventType: [ContentItem]] = [:]
            for event in (index.upcomingEvents[language] ?? []) + (index.pastEvents[language] ?? []) {
                if let type = event.event?.eventType { byType[type, default: []].append(event) }
            }
            eventsByType[language] = byType
            let all = SiteIndexer.sortedNewestFirst(
                [ContentType.article, .practice, .event, .newsletter].flatMap { index.list($0, language) })
            items[language] = all
            feedItems[language] = all.filter { strict.publishes($0) && $0.common.date != nil }
            for (offset, item) in all.enumerated() { position[item.path] = offset }
            var members: [TermKind: [String: [Int]]] = [:]
            for kind in TermKind.allCases {
                var byKey: [String: [Int]] = [:]
                for entry in index.terms(kind, language) {
                    byKey[entry.key] = entry.items.lazy.compactMap { position[$0.path] }.prefix(Self.relatedCandidates).map { $0 }
                }
                members[kind] = byKey
            }
            termMembers[language] = members
        }
        self.feedItems = feedItems
        self.items = items
        self.position = position
        self.termMembers = termMembers
        self.eventsByType = eventsByType
    }

    /// The same lists with some items replaced by versions that differ only in what pages display (body,
    /// title): every position, and so every order and score, stays as it was.
    func replacing(_ edited: [ContentItem]) -> DerivedLists {
        var copy = self
        for item in edited {
            let language = item.language
            if let offset = position[item.path], copy.items[language]?.indices.contains(offset) == true,
               copy.items[language]![offset].path == item.path {
                copy.items[language]![offset] = item
            }
            if let offset = copy.feedItems[language]?.firstIndex(where: { $0.path == item.path }) {
                copy.feedItems[language]![offset] = item
            }
            if let type = item.event?.eventType,
               let offset = copy.eventsByType[language]?[type]?.firstIndex(where: { $0.path == item.path }) {
                copy.eventsByType[language]![type]![offset] = item
            }
        }
        return copy
    }

    /// Up to `limit` items of the same language sharing the most themes (weight 3), regions (2) and tags
    /// (1); ties go to the newer.
    func related(to item: ContentItem, limit: Int = 3) -> [ContentItem] {
        guard let members = termMembers[item.language], let all = items[item.language] else { return [] }
        let own = position[item.path]
        // Scores by list position in an array: a popular theme adds hundreds of members per item, and a
        // dictionary hashed each of them (most of the time this function took).
        var scores = [Int](repeating: 0, count: all.count)
        var scored: [Int] = []
        func add(_ kind: TermKind, _ keys: [String], _ weight: Int) {
            for key in keys {
                for member in members[kind]?[key] ?? [] where member != own {
                    if scores[member] == 0 { scored.append(member) }
                    scores[member] += weight
                }
            }
        }
        add(.theme, item.common.themes, 3)
        add(.region, item.common.regions, 2)
        add(.tag, item.common.tags.map { Slug.make(from: $0) }, 1)
        // The best `limit` by score, newer first on ties, kept sorted without sorting everything.
        func isBetter(_ a: (position: Int, score: Int), than b: (position: Int, score: Int)) -> Bool {
            a.score != b.score ? a.score > b.score : a.position < b.position
        }
        var best: [(position: Int, score: Int)] = []
        for candidate in scored {
            let entry = (position: candidate, score: scores[candidate])
            guard best.count < limit || isBetter(entry, than: best[best.count - 1]) else { continue }
            let place = best.firstIndex { isBetter(entry, than: $0) } ?? best.count
            best.insert(entry, at: place)
            if best.count > limit { best.removeLast() }
        }
        return best.map { all[$0.position] }
    }
}
