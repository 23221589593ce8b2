import Foundation
import Indexing
import Model
import Stemming

/// The knowledge bank's ways in: region, theme and tag pages with their indexes, the browse page and
/// search, with the JSON their scripts read.
extension SiteRenderer {
    func termJobs(_ language: Language) -> [PageJob] {
        var jobs: [PageJob] = []
        for kind in TermKind.allCases {
            jobs.append(.termIndex(kind, language))
            for entry in index.terms(kind, language) {
                for page in 1...Self.pageCount(entry.items.count) { jobs.append(.term(kind, entry.key, language, page: page)) }
            }
        }
        return jobs + [.browse(language), .browseData(language), .search(language), .searchData(language)]
    }

    func kindName(_ kind: TermKind, _ language: Language) -> String {
        builder.t(language)[["region": "regions", "theme": "themes", "tag": "tags"][kind.rawValue]!]
    }

    func termLink(_ entry: TermEntry) -> TermContext {
        TermContext(
            key: entry.key, label: entry.label, href: SitePaths.term(entry.kind, entry.slug, entry.language),
            count: entry.items.count)
    }

    // MARK: - Term pages

    func termIndexPage(_ kind: TermKind, _ language: Language) -> OutputFile {
        let path = SitePaths.termIndex(kind, language)
        let heading = kindName(kind, language)
        var context = PageContext(shell: builder.shell(
            language, title: heading, path: path, translationPath: SitePaths.termIndex(kind, language.other),
            fallbackPath: SitePaths.termIndex(kind, language.other), description: nil, kind: "terms"))
        let terms = index.terms(kind, language)
        context.termIndex = TermIndexContext(
            heading: heading, intro: nil, terms: terms.filter { !$0.items.isEmpty }.map(termLink),
            otherIndexes: TermKind.allCases.filter { $0 != kind }.map {
                LinkContext(title: kindName($0, language), href: SitePaths.termIndex($0, language))
            })
        context.termIndex?.emptyTerms = terms.filter(\.items.isEmpty).map(termLink)
        return output(path, context, template: "terms")
    }

    func termPage(_ kind: TermKind, _ key: String, _ language: Language, page: Int) -> OutputFile {
        guard let entry = index.term(kind, key, language) else { return notFoundPage(language) }
        let path = SitePaths.term(kind, entry.slug, language, page: page)
        let strings = builder.t(language)
        let translation = entry.translationKey.flatMap { index.term(kind, $0, language.other) }
        var list = paginatedList(
            heading: entry.label, items: entry.items, language: language, page: page,
            base: SitePaths.term(kind, entry.slug, language))
        // The vocabulary's description; a region or theme without one says what its page gathers.
        list.intro = entry.description
            ?? (kind == .tag ? nil : strings["term_intro_\(kind.rawValue)"].replacingOccurrences(of: "{label}", with: entry.label))
        list.counts = ContentType.allCases.compactMap { type in
            entry.counts[type].map { TermContext(key: type.rawValue, label: strings.listName(type), count: $0) }
        }
        list.moreLink = LinkContext(title: kindName(kind, language), href: SitePaths.termIndex(kind, language))
        if kind != .tag { list.feedURL = SitePaths.termFeed(kind, entry.slug, language) }
        var context = PageContext(shell: builder.shell(
            language, title: pageTitle("\(entry.label) – \(kindName(kind, language))", page, strings), path: path,
            translationPath: translation.flatMap { other in
                counterpart(page, of: other.items.count) { SitePaths.term(kind, other.slug, language.other, page: $0) }
            },
            fallbackPath: SitePaths.termIndex(kind, language.other), description: entry.description, kind: "term"))
        if let feed = list.feedURL {
            context.shell.feeds.append(LinkContext(title: "\(entry.label) (RSS)", href: feed))
        }
        context.list = list
        return output(path, context, template: "list")
    }

    // MARK: - Browse

    func browsePage(_ language: Language) -> OutputFile {
        let strings = builder.t(language)
        let path = SitePaths.browse(language)
        let practices = index.terms(.region, language).compactMap { entry -> RegionPracticesContext? in
            let cards = entry.items.filter { $0.type == .practice }.map { item in
                builder.card(item, in: language, level: 4) { card in
                    let themes = item.common.themes.compactMap { index.themes.term($0)?.label[language] }
                    if !themes.isEmpty { card.place = themes.joined(separator: ", ") }
                }
            }
            return cards.isEmpty ? nil : RegionPracticesContext(
                label: entry.label, href: SitePaths.term(.region, entry.slug, language), cards: cards)
        }
        let types = [ContentType.article, .practice, .event, .newsletter].map { type in
            TermContext(key: type.rawValue, label: strings.listName(type), href: SitePaths.list(type, language),
                        count: index.list(type, language).count)
        }
        var context = PageContext(shell: builder.shell(
            language, title: strings["browse_title"], path: path, translationPath: SitePaths.browse(language.other),
            fallbackPath: SitePaths.browse(language.other), description: nil, kind: "browse"))
        context.shell.scripts = ["/assets/browse.js"]
        context.browse = BrowseContext(
            // Only terms with content: a filter that can only find nothing, or a "(0)", helps no one.
            types: types, regions: index.terms(.region, language).filter { !$0.items.isEmpty }.map(termLink),
            themes: index.terms(.theme, language).filter { !$0.items.isEmpty }.map(termLink),
            // The 40 most used tags (ties: in the language's order), listed in the language's order.
            tags: TermIndexer.collated(
                Array(index.terms(.tag, language).enumerated().sorted { a, b in
                    a.element.items.count != b.element.items.count ? a.element.items.count > b.element.items.count : a.offset < b.offset
                }.prefix(40).map(\.element)), language) { $0.label }.map(termLink),
            practicesByRegion: practices, dataURL: SitePaths.browseData(language))
        return output(path, context, template: "browse")
    }

    /// Compact JSON the browse script filters and shows as cards: items with their type, term keys and
    /// date — an event's own time and place (`d`, `p`), not the day it was published — and the labels.
    func browseData(_ language: Language) -> OutputFile {
        let strings = builder.t(language)
        let items = SiteIndexer.sortedNewestFirst(
            ContentType.allCases.filter { $0 != .page }.flatMap { index.list($0, language) })
        let records: [[String: Any]] = items.map { item in
            var record: [String: Any] = ["t": item.common.title, "u": index.url(of: item), "y": item.type.rawValue]
            if let event = item.event {
                record["d"] = LocalDateFormat.range(start: event.start, end: event.end, language)
                record["e"] = strings.eventTypeName(event.eventType)
                if let place = event.location ?? (event.eventType.isOnline ? strings["online"] : nil) { record["p"] = place }
            } else if let date = item.common.date {
                record["d"] = LocalDateFormat.short(date)
            }
            if !item.common.regions.isEmpty { record["r"] = item.common.regions }
            if !item.common.themes.isEmpty { record["h"] = item.common.themes }
            let tags = item.common.tags.map { Slug.make(from: $0) }.filter { !$0.isEmpty }
            if !tags.isEmpty { record["g"] = tags }
            return record
        }
        func labels(_ kind: TermKind) -> [[String]] { index.terms(kind, language).map { [$0.key, $0.label] } }
        let object: [String: Any] = [
            "items": records,
            "types": ContentType.allCases.filter { $0 != .page }.map { [$0.rawValue, strings.typeName($0)] },
            "regions": labels(.region), "themes": labels(.theme), "tags": labels(.tag),
        ]
        return .data(SitePaths.outputFile(for: SitePaths.browseData(language)), JSONData.encode(object))
    }

    /// The stems `search.js` finds for a whole typed word without the form table (`stemsNear` there, which
    /// this mirrors): stems sharing the word's first letters — at least four, and all but six — that go
    /// beyond what they share by at most one letter that may change into the word's (`changes`).
    static let vowels = Set("aeiouy".utf16)
    static let gradingConsonants = Set("kpts".utf16)

    /// Whether a stem's last letter may stand where the word has `found`: a vowel for a vowel, k, p, t or s
    /// for a consonant (`changes` in search.js).
    static func changes(_ letter: UInt16, to found: UInt16?) -> Bool {
        guard let found else { return true }
        return vowels.contains(letter) ? vowels.contains(found) : gradingConsonants.contains(letter) && !vowels.contains(found)
    }

    static func browserStems(of word: String, sortedStems: [String]) -> Set<String> {
        let letters = Array(word.utf16)
        let shared = max(4, letters.count - 6)
        guard letters.count >= shared else { return [] }
        let start = String(decoding: letters[0..<shared], as: UTF16.self)
        var low = 0, high = sortedStems.count
        while low < high {
            let middle = (low + high) / 2
            if sortedStems[middle].utf16.lexicographicallyPrecedes(start.utf16) { low = middle + 1 } else { high = middle }
        }
        var found: Set<String> = []
        var i = low
        while i < sortedStems.count, sortedStems[i].utf16.starts(with: start.utf16) {
            let stem = Array(sortedStems[i].utf16)
            var common = shared
            while common < stem.count, common < letters.count, stem[common] == letters[common] { common += 1 }
            if stem.count == common || stem.count == common + 1 && Self.changes(stem[common], to: common < letters.count ? letters[common] : nil) {
                found.insert(sortedStems[i])
            }
            i += 1
        }
        return found
    }

}

/// Deterministic compact JSON (sorted keys, slashes as they are), written directly: the search and
/// browse data hold every item of a language, and Foundation's serializer was a tenth of a build.
/// Values may be strings, integers, and arrays and string-keyed dictionaries of those.
enum JSONData {
    static func encode(_ object: Any) -> Data {
        var output = [UInt8]()
        output.reserveCapacity(64 * 1024)
        write(object, into: &output)
        return Data(output)
    }

    static func write(_ value: Any, into output: inout [UInt8]) {
        switch value {
        case let text as String: writeString(text, into: &output)
        case let number as Int: output.append(contentsOf: Array(String(number).utf8))
        case let object as [String: Any]:
            output.append(UInt8(ascii: "{"))
            for (offset, key) in object.keys.sorted().enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                writeString(key, into: &output)
                output.append(UInt8(ascii: ":"))
                write(object[key]!, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        case let array as [Any]:
            output.append(UInt8(ascii: "["))
            for (offset, element) in array.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                write(element, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        default:
            output.append(contentsOf: Array("null".utf8))
        }
    }

    static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Runs without anything to escape (nearly all of a text) are copied whole.
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 32 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                appendEscape(of: byte, into: &output)
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(of byte: UInt8, into output: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): output.append(contentsOf: [92, 34])
        case UInt8(ascii: "\\"): output.append(contentsOf: [92, 92])
        case 10: output.append(contentsOf: [92, 110])
        case 13: output.append(contentsOf: [92, 114])
        case 9: output.append(contentsOf: [92, 116])
        case 8: output.append(contentsOf: [92, 98])
        case 12: output.append(contentsOf: [92, 102])
        default:
            let hex = Array("0123456789abcdef".utf8)
            output.append(contentsOf: [92, 117, 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
        }
    }
}
