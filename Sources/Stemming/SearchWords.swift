import CStemmer
import CVoikko
import Model

/// The words of a text as the search index keeps them: Snowball's Finnish or Swedish stem of each word
/// (Debian's libstemmer) and, for Finnish, Voikko's base forms (Debian's libvoikko with voikko-fi), all
/// folded as the search box folds what a reader types (lower case, accents dropped: "Päätöksenteon" →
/// "paatoksenteo"), so a typed word finds its stems by lookup.
///
/// Not thread-safe (a Snowball stemmer and a Voikko handle keep state): one per language and task.
public final class SearchWords {
    /// Longer "words" (a URL, a run of letters) are not indexed: no one types them.
    public static let longestWord = 40

    private let stemmer: OpaquePointer?
    /// Voikko for Finnish; nil for Swedish, or when its dictionary is missing (`hasBaseForms`).
    private let voikko: OpaquePointer?
    private let language: Language
    /// Stems already computed, by surface form: a site repeats its words.
    private var cache: [String: String] = [:]
    /// Each surface form's folded spelling and index stems, computed once per stemmer.
    private var entries: [String: Entry] = [:]

    public init(language: Language) {
        self.language = language
        stemmer = sb_stemmer_new(language == .fi ? "finnish" : "swedish", "UTF_8")
        var error: UnsafePointer<CChar>?
        voikko = language == .fi ? voikkoInit(&error, "fi", nil) : nil
    }

    deinit {
        if let stemmer { sb_stemmer_delete(stemmer) }
        if let voikko { voikkoTerminate(voikko) }
    }

    /// Whether this language's words also get their dictionary base forms (Finnish with Voikko's
    /// dictionary installed; `make deps` installs it).
    public var hasBaseForms: Bool { voikko != nil }

    /// The words of `text` in order, lower-cased, split at anything but letters and digits; words longer
    /// than `longestWord` letters are left out.
    public static func words(of text: String) -> [String] {
        var words: [String] = []
        scan(text) { word, letters, _ in
            if letters <= longestWord { words.append(String(decoding: word, as: UTF8.self)) }
        }
        return words
    }

    /// Calls `body` with each word of `text` in order, lower-cased, as UTF-8 bytes (valid only during the
    /// call), its number of letters (scalars) and the byte offset in `text` where it starts. A word is a run
    /// of letters (Unicode `Alphabetic`) and ASCII digits. Works over UTF-8 bytes: ASCII and Latin-1 letters (all of Finnish and Swedish) are
    /// told and lower-cased by table, other scalars through their Unicode properties — the search index
    /// reads every word of every page, and `lowercased()` plus a property lookup per scalar was most of
    /// its cost. The bytes of a word longer than `longestWord` letters are cut short (only its count of
    /// letters is whole): no caller indexes such a word.
    public static func scan(_ text: String, _ body: (UnsafeBufferPointer<UInt8>, Int, Int) -> Void) {
        var text = text
        // The table read once, not once per byte (each read of a global checks its initialisation).
        let kinds = asciiKind
        text.withUTF8 { bytes in
            kinds.withUnsafeBufferPointer { kinds in
                // A word of `longestWord` letters takes at most 4 bytes a letter.
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * longestWord + 4) { word in
                    var length = 0
                    var letters = 0
                    var start = 0
                    func flush() {
                        guard letters > 0 else { return }
                        body(UnsafeBufferPointer(rebasing: word[..<length]), letters, start)
                        length = 0
                        letters = 0
                    }
                    func append(_ byte: UInt8) {
                        if length < word.count { word[length] = byte; length += 1 }
                    }
                    var index = 0
                    let count = bytes.count
                    while index < count {
                        let byte = bytes[index]
                        if byte < 0x80 {
                            let kind = kinds[Int(byte)]
                            if kind == 0 {
                                flush()
                            } else {
                                if letters == 0 { start = index }
                                append(kind)
                                letters += 1
                            }
                            index += 1
                        } else if byte == 0xC3, index + 1 < count {
                            // U+00C0...U+00FF: letters but × and ÷; upper case is 0x20 below lower case.
                            let second = bytes[index + 1]
                            if second == 0x97 || second == 0xB7 {
                                flush()
                            } else {
                                if letters == 0 { start = index }
                                append(0xC3)
                                append(second < 0xA0 && second != 0x9F ? second + 0x20 : second)
                                letters += 1
                            }
                            index += 2
                        } else {
                            // Any other scalar: decode it and ask Unicode.
                            var scalarLength = 1
                            if byte >= 0xF0 { scalarLength = 4 } else if byte >= 0xE0 { scalarLength = 3 } else if byte >= 0xC0 { scalarLength = 2 }
                            scalarLength = min(scalarLength, count - index)
                            let scalar = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<index + scalarLength]), as: UTF8.self)
                                .unicodeScalars.first
                            guard let scalar, scalar.properties.isAlphabetic else { index += scalarLength; flush(); continue }
                            if letters == 0 { start = index }
                            index += scalarLength
                            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                                for byte in String(lower).utf8 { append(byte) }
                                letters += 1
                            }
                        }
                    }
                    flush()
                }
            }
        }
    }

    /// Per ASCII byte: 0 for a separator, else the byte lower-cased.
    static let asciiKind: [UInt8] = (0..<128).map { byte -> UInt8 in
        switch byte {
        case 0x30...0x39, 0x61...0x7A: UInt8(byte)
        case 0x41...0x5A: UInt8(byte + 0x20)
        default: 0
        }
    }

    /// Lower case without accents, as the browser folds a query (`normalize("NFD")` without marks).
    public static func fold(_ word: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in word.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
        where !(0x300...0x36F).contains(scalar.value) {
            folded.append(scalar)
        }
        return String(folded)
    }

    /// The folded stems a lower-case word is indexed under: Snowball's first, then for Finnish the base
    /// forms Voikko gives ("kaupungeissa" → "kaupunki", "lasten" → "lapsi", "Turussa" → "turku": every
    /// form of a word finds every other, which a stem alone does not), or, for a word Voikko does not
    /// know (a name, a new compound), the stem of its weak grade (consonant gradation, which Snowball
    /// leaves alone: "turku" is also found as "turu").
    public func stems(_ word: String) -> [String] {
        entry(word).stems
    }

    /// How a lower-case word is indexed: its folded spelling, its stems (`stems(_:)`) and how many of them,
    /// from the first, the word's form names in the index for the browser (Snowball's and the base forms,
    /// not the weak grade's, which would find too much). Computed once per word and stemmer: the search
    /// index asks for every word of every page.
    public struct Entry: Sendable {
        public var folded: String
        public var stems: [String]
        public var named: Int
    }

    public func entry(_ word: String) -> Entry {
        if let known = entries[word] { return known }
        let own = stem(word)
        var stems = [own]
        if language == .fi {
            let bases = baseForms(word)
            for base in bases where !stems.contains(base) { stems.append(base) }
            if bases.isEmpty, let weak = Self.weakGrade(of: word) {
                let other = stem(weak)
                if other != own, other.count >= 4 {
                    stems.append(other)
                    let result = Entry(folded: Self.fold(word), stems: stems, named: 1)
                    entries[word] = result
                    return result
                }
            }
        }
        let result = Entry(folded: Self.fold(word), stems: stems, named: stems.count)
        entries[word] = result
        return result
    }

    /// Voikko's base forms of a lower-case word, folded and in its order, without repeats; none for a
    /// word it does not know.
    public func baseForms(_ word: String) -> [String] {
        guard let voikko, let analyses = voikkoAnalyzeWordCstr(voikko, word) else { return [] }
        defer { voikko_free_mor_analysis(analyses) }
        var forms: [String] = []
        var position = 0
        while let analysis = analyses[position] {
            position += 1
            guard let value = voikko_mor_analysis_value_cstr(analysis, "BASEFORM") else { continue }
            let form = Self.fold(String(cString: value))
            voikko_free_mor_analysis_value_cstr(value)
            if !form.isEmpty, !forms.contains(form) { forms.append(form) }
        }
        return forms
    }

    /// Strong-to-weak consonant gradation of the last syllable's consonants, when the word ends in a vowel.
    static let gradations: [(strong: String, weak: String)] = [
        ("nk", "ng"), ("mp", "mm"), ("lt", "ll"), ("rt", "rr"), ("nt", "nn"), ("ht", "hd"),
        ("kk", "k"), ("pp", "p"), ("tt", "t"), ("lk", "l"), ("rk", "r"), ("hk", "h"), ("p", "v"), ("t", "d"),
    ]
    public static func weakGrade(of word: String) -> String? {
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y", "ä", "ö"]
        var letters = Array(word)
        guard letters.count >= 5, let last = letters.last, vowels.contains(last) else { return nil }
        var end = letters.count - 1
        while end > 0, vowels.contains(letters[end - 1]) { end -= 1 }
        // letters[end...] are the final vowels; the consonants before them are the ones that grade.
        for (strong, weak) in gradations {
            let pattern = Array(strong)
            let start = end - pattern.count
            guard start > 0, Array(letters[start..<end]) == pattern, vowels.contains(letters[start - 1]) else { continue }
            letters.replaceSubrange(start..<end, with: Array(weak))
            return String(letters)
        }
        return nil
    }

    /// The folded stem of a lower-case word.
    public func stem(_ word: String) -> String {
        if let known = cache[word] { return known }
        var stemmed = word
        if let stemmer {
            var bytes = Array(word.utf8)
            if let result = sb_stemmer_stem(stemmer, &bytes, Int32(bytes.count)) {
                let length = Int(sb_stemmer_length(stemmer))
                stemmed = String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
            }
        }
        let folded = Self.fold(stemmed)
        cache[word] = folded
        return folded
    }
}
