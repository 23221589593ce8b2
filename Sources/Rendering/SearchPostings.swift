import Model
import Stemming

/// The words of one language's items as the search index keeps them: each item's Snowball stems by field
/// (title, then summary, terms and facts, then body; a stem counts in the first field that has it), as
/// postings per stem, and each inflected form's stems. Items are added in their number order.
///
/// Each distinct word is stemmed once for the whole language (`WordTable` numbers words by their bytes);
/// what is done per occurrence is a scan of bytes and a probe of the table.
struct SearchPostings {
    /// At most this many distinct stems per field of one item: a text of 100,000 different words cannot
    /// make the index as large (a long article has a few thousand).
    static let stemsPerField = 5_000

    private let stemmer: SearchWords
    private var words = WordTable()
    /// Per word number: its stems (numbers into `stems`) are `wordStemList[wordStemStart[n]..<wordStemStart[n + 1]]`,
    /// one flat list rather than a list per word, which every occurrence would retain and release; and
    /// how many of them the form names for the browser (`SearchWords.Entry.named`).
    private var wordStemStart: [Int32] = [0]
    private var wordStemList: [Int32] = []
    private var wordNamed: [Int] = []
    private var stemNumbers: [String: Int32] = [:]
    /// The stems in order of first sight, and per stem its postings (`item * 3 + field`, ascending).
    private(set) var stems: [String] = []
    private(set) var postings: [[Int32]] = []
    /// Per stem, what its postings are counted by (one array: each stored array a word changes costs it a
    /// uniqueness check).
    private var tallies: [Tally] = []
    private var item: Int32 = -1
    /// Per stem, where in the body the newest `screen` items that have it only there have it first (a ring of
    /// byte offsets, slot `bodyCount % screen`), for the passages a first screen of results shows
    /// (`bodyHitsOnFirstScreen`).
    private var recentBodyOffsets: [Int32] = []
    /// The results a search page shows at first (search.js's `page`).
    static let screen = 10

    /// A stem's last item (each stem once per item) and how many items have it in the title or the
    /// summary, terms and facts (`headCount`), and only in the body (`bodyCount`).
    private struct Tally {
        var lastItem: Int32 = -1
        var headCount: Int32 = 0
        var bodyCount: Int32 = 0
    }

    init(language: Language) {
        stemmer = SearchWords(language: language)
    }

    /// What an item lost to the bounds: its first word too long to index, and the fields cut short.
    struct Cut: Sendable, Hashable {
        var longWord: (field: Int, letters: Int)? = nil
        var fullFields: [Int] = []
        var isEmpty: Bool { longWord == nil && fullFields.isEmpty }
        static func == (a: Cut, b: Cut) -> Bool {
            a.longWord?.field == b.longWord?.field && a.longWord?.letters == b.longWord?.letters && a.fullFields == b.fullFields
        }
        func hash(into hasher: inout Hasher) { hasher.combine(fullFields); hasher.combine(longWord?.letters) }
    }

    /// Adds the next item, its texts per field (title; summary, terms and facts; body).
    mutating func add(fields: [[String]]) -> Cut {
        item += 1
        var cut = Cut()
        for (field, texts) in fields.enumerated() {
            var added = 0
            var full = false
            for text in texts where !full {
                SearchWords.scan(text) { word, letters, start in
                    guard !full else { return }
                    guard letters <= SearchWords.longestWord else {
                        if cut.longWord == nil { cut.longWord = (field, letters) }
                        return
                    }
                    let (number, isNew) = words.number(of: word)
                    if isNew {
                        let entry = stemmer.entry(words.word(number))
                        wordStemList += stemNumbers(of: entry.stems)
                        wordStemStart.append(Int32(wordStemList.count))
                        wordNamed.append(entry.named)
                    }
                    for position in Int(wordStemStart[number])..<Int(wordStemStart[number + 1]) {
                        let stem = Int(wordStemList[position])
                        guard tallies[stem].lastItem != item else { continue }
                        guard added < Self.stemsPerField else { full = true; return }
                        tallies[stem].lastItem = item
                        postings[stem].append(item * 3 + Int32(field))
                        added += 1
                        if field < 2 {
                            tallies[stem].headCount += 1
                        } else {
                            recentBodyOffsets[stem * Self.screen + Int(tallies[stem].bodyCount) % Self.screen] = Int32(clamping: start)
                            tallies[stem].bodyCount += 1
                        }
                    }
                }
            }
            if full { cut.fullFields.append(field) }
        }
        return cut
    }

    private mutating func stemNumbers(of wordStems: [String]) -> [Int32] {
        wordStems.map { stem in
            if let known = stemNumbers[stem] { return known }
            let number = Int32(stems.count)
            stemNumbers[stem] = number
            stems.append(stem)
            postings.append([])
            tallies.append(Tally())
            recentBodyOffsets += repeatElement(0, count: Self.screen)
            return number
        }
    }

    /// The items among a search for `stem` alone's first screen that have it only in the body, with the
    /// byte offset in the body's text where it first stands, newest first: title and summary hits rank
    /// above them, so there are `screen` less the stem's head hits of them at most. (A search for several
    /// stems of one word shows on its first screen only items on the first screen of one of them.)
    func bodyHitsOnFirstScreen(of stem: Int) -> [(item: Int, offset: Int)] {
        let count = Int(tallies[stem].bodyCount)
        let shown = min(count, Self.screen - min(Self.screen, Int(tallies[stem].headCount)))
        guard shown > 0 else { return [] }
        var hits: [(item: Int, offset: Int)] = []
        hits.reserveCapacity(shown)
        var position = postings[stem].count - 1
        while hits.count < shown, position >= 0 {
            let posting = postings[stem][position]
            position -= 1
            guard posting % 3 == 2 else { continue }
            let slot = (count - 1 - hits.count) % Self.screen
            hits.append((Int(posting / 3), Int(recentBodyOffsets[stem * Self.screen + slot])))
        }
        return hits
    }

    /// Each folded spelling of the indexed words that is not just its own stem, with the stems it names
    /// (Snowball's and, for Finnish, Voikko's base forms, of the first word that folds to it; not the weak
    /// grade's, which would find too much).
    func forms() -> [String: [String]] {
        var forms: [String: [String]] = [:]
        var seen: Set<String> = []
        for number in 0..<words.count {
            let folded = SearchWords.fold(words.word(number))
            guard seen.insert(folded).inserted else { continue }
            let first = Int(wordStemStart[number])
            let named = wordStemList[first..<first + wordNamed[number]].map { stems[Int($0)] }
            guard !named.isEmpty, named != [folded] else { continue }
            forms[folded] = named
        }
        return forms
    }
}
