import Foundation
import Indexing
import Model
import Stemming
import Synchronization

/// The search page and its index, cut for the network: a query fetches the language's entry file, the
/// word shards of its words' prefixes, the few result records it shows and — when it has more results
/// than one screen — the items' filter codes (`docs/architecture.md`, "Search").
///
/// Files under the search page's folder (`/fi/haku/`):
/// - `index.json`, the entry: `v` (format), `l` (language), `n` (items), `r` (records per file), `s` (shard
///   keys, sorted), `types`, `regions`, `themes` ([key, label] in the page's language, filter vocabularies);
/// - `s/KEY.json`, a word shard: `w` (stem → postings, `SearchShards.encode`), `f` and `g` (inflected
///   form → its stem; `shardFiles` says which goes where) for the strings whose longest shard key is KEY,
///   and `e` (stem → [item, word, passage, …]): for the items a search for the stem shows on its first
///   screen that have it only deeper in the body than their record's `x`, the passage around it and where
///   the word starts in it (`SearchPassage`);
/// - `r/N.json`, result records N·r ..< (N+1)·r: title `t`, URL `u`, type name `y` and key `k`, date `d`
///   (an event's own time) and place `p`, summary `s`, the body's start `x`, region and theme keys `g`, `h`,
///   tags `a`, the facts box `c` (`searchFacts`);
/// - `codes.json`: per item its type, regions and themes, as one string of `w` characters per item that
///   number a combination in `k` ([type, [regions], [themes]] as positions in the entry's lists).
///
/// Items are numbered oldest first (newer first among ties is a higher number), so a new item changes only
/// the shards of its own words, the last record file, the codes and the entry.
extension SiteRenderer {
    /// Result records per file.
    static let recordsPerFile = 8
    /// Places in its body one item may have passages for (for its stems in key order): a long article or a
    /// newsletter has one or two hundred words on the first screen of their stems; a text of 100,000
    /// different words would otherwise carry 5,000.
    static let passagesPerItem = 200

    func searchPage(_ language: Language) -> OutputFile {
        let strings = builder.t(language)
        let path = SitePaths.search(language)
        var context = PageContext(shell: builder.shell(
            language, title: strings["search_title"], path: path, translationPath: SitePaths.search(language.other),
            fallbackPath: SitePaths.search(language.other), description: nil, kind: "search"))
        context.shell.scripts = ["/assets/search.js"]
        context.search = SearchContext(
            dataURL: SitePaths.searchData(language), otherDataURL: SitePaths.searchData(language.other),
            browseURL: SitePaths.browse(language))
        return output(path, context, template: "search")
    }

    /// Every file of a language's search index, the entry first; the items the bounds cut are warned about
    /// (`searchWarnings`).
    func searchFiles(_ language: Language) -> [OutputFile] {
        let strings = builder.t(language)
        let folder = SitePaths.outputFile(for: SitePaths.searchData(language)).dropLast("index.json".count)
        let items = Array(SiteIndexer.sortedNewestFirst(ContentType.allCases.flatMap { index.list($0, language) }).reversed())
        let types = ContentType.allCases
        let regions = index.terms(.region, language), themes = index.terms(.theme, language)
        let regionPosition = Dictionary(regions.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        let themePosition = Dictionary(themes.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })

        var postings = SearchPostings(language: language)
        var warnings: [Diagnostic] = []
        var files: [OutputFile] = []
        var records = JSONBytes()
        var combinations: [[Int]: Int] = [:]
        var combinationList: [[Int]] = []
        var itemCombination: [Int] = []
        itemCombination.reserveCapacity(items.count)
        // Per item, its body's text and the length of the record's excerpt in bytes, for the passages.
        var bodyTexts: [(text: String, excerptBytes: Int)] = []
        bodyTexts.reserveCapacity(items.count)
        for (number, item) in items.enumerated() {
            let summary = builder.summary(of: item)
            let body = builder.bodies[item.path]
            // What the body field reads: the body's text, and on a newsletter the items it presents.
            let bodyText = [body?.searchText, searchPresentedItems(of: item, language)].compactMap { $0 }.joined(separator: " ")
            bodyTexts.append((bodyText, body?.excerpt.utf8.count ?? 0))
            let terms = item.common.regions.compactMap { index.regions.term($0)?.label[language] }
                + item.common.themes.compactMap { index.themes.term($0)?.label[language] } + item.common.tags

            // The result record.
            records.separator(first: number % Self.recordsPerFile == 0, open: "[")
            records.open()
            records.field("t", item.common.title, first: true)
            records.field("u", index.url(of: item))
            records.field("y", strings.typeName(item.type))
            records.field("k", item.type.rawValue)
            if let event = item.event {
                records.field("d", LocalDateFormat.range(start: event.start, end: event.end, language))
                if let place = event.location { records.field("p", place) }
            } else if let date = item.common.date, item.type != .page {
                records.field("d", LocalDateFormat.short(date))
            }
            if let summary { records.field("s", summary) }
            if let excerpt = body?.excerpt, !excerpt.isEmpty { records.field("x", excerpt) }
            if !item.common.regions.isEmpty { records.field("g", item.common.regions) }
            if !item.common.themes.isEmpty { records.field("h", item.common.themes) }
            if !item.common.tags.isEmpty { records.field("a", item.common.tags) }
            let facts = searchFacts(of: item, strings)
            if !facts.isEmpty { records.field("c", facts) }
            records.close()
            if number % Self.recordsPerFile == Self.recordsPerFile - 1 || number == items.count - 1 {
                records.append("]")
                files.append(.data("\(folder)r/\(number / Self.recordsPerFile).json", Data(records.bytes)))
                records = JSONBytes()
            }

            // Its filter codes.
            let combination = [types.firstIndex(of: item.type) ?? 0, -1] + item.common.regions.compactMap { regionPosition[$0] }.sorted()
                + [-1] + item.common.themes.compactMap { themePosition[$0] }.sorted()
            if let known = combinations[combination] {
                itemCombination.append(known)
            } else {
                combinations[combination] = combinationList.count
                itemCombination.append(combinationList.count)
                combinationList.append(combination)
            }

            // Its words.
            let place = item.event?.location.map { strings["where"] + " " + $0 } ?? ""
            let cut = postings.add(fields: [
                [item.common.title], [summary ?? "", strings.typeName(item.type), place] + terms + facts, [bodyText],
            ])
            if !cut.isEmpty || body?.searchTextCut == true {
                warnings += Self.searchCutWarnings(item, cut: cut, textCut: body?.searchTextCut == true)
            }
        }

        let shards = shardFiles(postings, folder: String(folder)) { number, offset in
            // A word that starts in the last few bytes of the excerpt may be cut off there.
            guard offset + 40 >= bodyTexts[number].excerptBytes else { return nil }
            return SearchPassage.cut(bodyTexts[number].text, around: offset)
        }
        files += shards.files
        files.append(.data("\(folder)codes.json", Self.codes(itemCombination, combinationList)))

        var entry = JSONBytes()
        entry.open()
        entry.field("l", language.rawValue, first: true)
        entry.field("n", items.count)
        entry.field("r", Self.recordsPerFile)
        entry.field("regions", regions.map { [$0.key, $0.label] })
        entry.field("s", shards.keys)
        entry.field("themes", themes.map { [$0.key, $0.label] })
        entry.field("types", types.map { [$0.rawValue, strings.listName($0)] })
        entry.field("v", 2)
        entry.close()
        searchWarnings.set(sortedDiagnostics(warnings), for: language)
        return [.data(String(folder) + "index.json", Data(entry.bytes))] + files
    }

    /// The word shards: stems with their postings and inflected forms with their stems, cut by
    /// `SearchShards.layout`. Forms whose stem the browser would not find by its own lookup
    /// (`browserStems`) go in `f`, where its typo correction looks too; the others in `g`, which only
    /// tells the browser the word is known and where its stem is. A stem's passages (`passage` of an item
    /// number and a byte offset in its body's text, nil where the record's excerpt shows the word) go with
    /// it, in `e`.
    func shardFiles(
        _ postings: SearchPostings, folder: String, passage: (Int, Int) -> (text: String, word: Int)?
    ) -> (keys: [String], files: [OutputFile]) {
        let forms = postings.forms()
        let sortedStems = postings.stems.sorted()
        // Stems and forms in one sorted list: key characters, text, kind (0 stem, 1 form in `f`, 2 in `g`), stem.
        var strings: [(key: [UInt8], text: String, kind: Int, stem: Int)] = postings.stems.enumerated()
            .filter { !postings.postings[$0.offset].isEmpty }
            .map { (SearchShards.keyCharacters($0.element), $0.element, 0, $0.offset) }
        for (form, stems) in forms {
            let needed = !Set(Self.browserStems(of: form, sortedStems: sortedStems)).isSuperset(of: stems)
            strings.append((SearchShards.keyCharacters(form), form, needed ? 1 : 2, -1))
        }
        strings.sort { a, b in
            a.key != b.key ? a.key.lexicographicallyPrecedes(b.key) : a.kind != b.kind ? a.kind < b.kind : a.text < b.text
        }
        var encoded: [[UInt8]] = []
        var passages: [Int: [UInt8]] = [:]
        var placesOfItem: [Int: Set<Int>] = [:]
        var costs: [Int] = []
        encoded.reserveCapacity(strings.count)
        for (position, string) in strings.enumerated() {
            var value: [UInt8] = []
            var cost = string.text.utf8.count + 6
            if string.kind == 0 {
                SearchShards.encode(postings.postings[string.stem], into: &value)
                var list: [UInt8] = []
                for hit in postings.bodyHitsOnFirstScreen(of: string.stem) {
                    // A word's other stems (Voikko's base form beside Snowball's stem) share its place.
                    let known = placesOfItem[hit.item]?.contains(hit.offset) == true
                    guard known || placesOfItem[hit.item, default: []].count < Self.passagesPerItem,
                          let cut = passage(hit.item, hit.offset) else { continue }
                    placesOfItem[hit.item, default: []].insert(hit.offset)
                    list.append(list.isEmpty ? UInt8(ascii: "[") : UInt8(ascii: ","))
                    list += "\(hit.item),\(cut.word),".utf8
                    JSONData.writeString(cut.text, into: &list)
                }
                if !list.isEmpty {
                    list.append(UInt8(ascii: "]"))
                    cost += string.text.utf8.count + list.count + 4
                    passages[position] = list
                }
            } else {
                value = Array(forms[string.text, default: []].joined(separator: " ").utf8)
            }
            costs.append(cost + value.count)
            encoded.append(value)
        }
        let layout = SearchShards.layout(keys: strings.map(\.key), costs: costs)
        let files = layout.map { shard -> OutputFile in
            var json = JSONBytes()
            json.append("{\"e\":{")
            var firstPassage = true
            for position in shard.range {
                guard let list = passages[position] else { continue }
                json.key(strings[position].text, first: &firstPassage)
                json.bytes += list
            }
            for (kind, name) in [(1, "},\"f\":{"), (2, "},\"g\":{"), (0, "},\"w\":{")] {
                json.append(name)
                var first = true
                for position in shard.range where strings[position].kind == kind {
                    json.key(strings[position].text, first: &first)
                    json.append("\"")
                    json.bytes += encoded[position]
                    json.append("\"")
                }
            }
            json.append("}}")
            return .data("\(folder)s/\(shard.key).json", Data(json.bytes))
        }
        return (layout.map(\.key), files)
    }

    /// `codes.json`: one string of fixed-width numbers, one per item, and the combinations they number.
    static func codes(_ items: [Int], _ combinations: [[Int]]) -> Data {
        let digits = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_".utf8)
        var width = 1
        while 1 << (6 * width) < combinations.count { width += 1 }
        var json = JSONBytes()
        json.append("{\"c\":\"")
        for combination in items {
            for place in (0..<width).reversed() { json.bytes.append(digits[(combination >> (6 * place)) & 63]) }
        }
        json.append("\",\"k\":[")
        for (position, combination) in combinations.enumerated() {
            if position > 0 { json.append(",") }
            // [type, [regions], [themes]] from [type, -1, regions…, -1, themes…].
            let parts = combination.split(separator: -1, omittingEmptySubsequences: false)
            json.append("[\(parts[0].first ?? 0),[\(parts[1].map(String.init).joined(separator: ","))],[\(parts[2].map(String.init).joined(separator: ","))]]")
        }
        json.append("],\"w\":\(width)}")
        return Data(json.bytes)
    }

    /// Warnings for an item the search index could not take whole, where the problem is written.
    static func searchCutWarnings(_ item: ContentItem, cut: SearchPostings.Cut, textCut: Bool) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        let fieldNames = ["the title", "the summary, terms and facts", "the body"]
        if let long = cut.longWord {
            let location: SourceLocation
            switch long.field {
            case 0: location = item.location(ofKey: "title")
            case 1: location = item.common.summary == nil ? item.location(ofKey: "title") : item.location(ofKey: "summary")
            default: location = longWordLocation(in: item) ?? SourceLocation(path: item.path, line: item.bodyLine, column: 1)
            }
            warnings.append(.warning(
                location,
                "the search index cut this item: a word of \(long.letters) letters in \(fieldNames[long.field]) is not indexed (at most \(SearchWords.longestWord))",
                hint: "break the word up with spaces or hyphens, or put a long address in a link"))
        }
        for field in cut.fullFields {
            warnings.append(.warning(
                field == 2 ? SourceLocation(path: item.path, line: item.bodyLine, column: 1) : item.location(ofKey: "title"),
                "the search index cut this item: only the first \(SearchPostings.stemsPerField) different words of \(fieldNames[field]) are indexed",
                hint: "split the text into several items"))
        }
        if textCut, !cut.fullFields.contains(2) {
            warnings.append(.warning(
                SourceLocation(path: item.path, line: item.bodyLine, column: 1),
                "the search index cut this item: only the first 200 KB of the body's text are indexed",
                hint: "split the text into several items"))
        }
        return warnings
    }

    /// Where the body's first word longer than `SearchWords.longestWord` letters starts.
    static func longWordLocation(in item: ContentItem) -> SourceLocation? {
        for (offset, line) in item.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var run = 0, column = 0, runStart = 0
            for scalar in line.unicodeScalars {
                column += 1
                if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                    if run == 0 { runStart = column }
                    run += 1
                    if run > SearchWords.longestWord {
                        return SourceLocation(path: item.path, line: item.bodyLine + offset, column: runStart)
                    }
                } else {
                    run = 0
                }
            }
        }
        return nil
    }
}

/// The warnings of the last search index built per language, for the build's report: the index is built
/// while pages render, after the stages that return diagnostics.
final class SearchWarnings: Sendable {
    private let byLanguage = Mutex<[Language: [Diagnostic]]>([:])

    func set(_ warnings: [Diagnostic], for language: Language) {
        byLanguage.withLock { $0[language] = warnings }
    }

    var all: [Diagnostic] {
        byLanguage.withLock { stored in Language.allCases.flatMap { stored[$0] ?? [] } }
    }
}

/// Compact JSON written straight into bytes (keys in the order written: callers write them sorted).
struct JSONBytes {
    var bytes: [UInt8] = []

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
    mutating func open() { bytes.append(UInt8(ascii: "{")) }
    mutating func close() { bytes.append(UInt8(ascii: "}")) }

    /// `open` before the first element of a list, a comma before the others.
    mutating func separator(first: Bool, open: String) { append(first ? open : ",") }

    mutating func key(_ key: String, first: inout Bool) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        JSONData.writeString(key, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func name(_ key: String, first: Bool) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        JSONData.writeString(key, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func field(_ key: String, _ value: String, first: Bool = false) {
        name(key, first: first)
        JSONData.writeString(value, into: &bytes)
    }

    mutating func field(_ key: String, _ value: Int, first: Bool = false) {
        name(key, first: first)
        append(String(value))
    }

    mutating func field(_ key: String, _ values: [String], first: Bool = false) {
        name(key, first: first)
        list(values)
    }

    mutating func field(_ key: String, _ values: [[String]], first: Bool = false) {
        name(key, first: first)
        bytes.append(UInt8(ascii: "["))
        for (position, value) in values.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            list(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func list(_ values: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (position, value) in values.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONData.writeString(value, into: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }
}
