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
    /// Per stem, the last item that got it (each stem once per item).
    private var lastItem: [Int32] = []
    private var item: Int32 = -1

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
                SearchWords.scan(text) { word, letters in
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
                        guard lastItem[stem] != item else { continue }
                        guard added < Self.stemsPerField else { full = true; return }
                        lastItem[stem] = item
                        postings[stem].append(item * 3 + Int32(field))
                        added += 1
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
            lastItem.append(-1)
            return number
        }
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
