import Model
@testable import Rendering
import Stemming
import Testing

/// The search index's words: Snowball stems (Debian's libstemmer), folded as the browser folds a query,
/// and the lookup the browser does without a stemmer, mirrored here.
@Suite struct SearchWordsTests {
    @Test func finnishInflectionsShareAStem() {
        let words = SearchWords(language: .fi)
        #expect(words.stem("kirjastoissa") == words.stem("kirjasto"))
        #expect(words.stem("kirjastojen") == words.stem("kirjaston"))
        #expect(words.stem("päätöksen").hasPrefix("paatok"), "folded: no ä or ö left")
    }

    @Test func swedishInflectionsShareAStem() {
        let words = SearchWords(language: .sv)
        #expect(words.stem("biblioteken") == words.stem("bibliotek"))
        #expect(words.stem("kommunernas") == words.stem("kommuner"))
        #expect(!words.stem("städerna").contains("ä"))
    }

    @Test func finnishWordsAreAlsoIndexedInTheirWeakGrade() {
        #expect(SearchWords.weakGrade(of: "turku") == "turu")
        #expect(SearchWords.weakGrade(of: "kaupunki") == "kaupungi")
        #expect(SearchWords.weakGrade(of: "tapahtuma") == nil, "m does not grade")
        #expect(SearchWords.weakGrade(of: "kirjasto") == nil, "no consonant to grade before the last vowel")
        let words = SearchWords(language: .fi)
        // Only a word Voikko does not know (a name, a new compound) gets its weak grade's stem.
        #expect(words.baseForms("zorkunki").isEmpty)
        #expect(words.stems("zorkunki") == [words.stem("zorkunki"), words.stem("zorkungi")])
        #expect(words.entry("zorkunki").named == 1, "the browser is not told of the weak grade's stem")
        #expect(words.stem("zorkungissa").hasPrefix(words.stem("zorkungi")))
        #expect(SearchWords(language: .sv).stems("stad").count == 1, "Swedish has no gradation")
    }

    /// Voikko's base forms (libvoikko with voikko-fi, as `make deps` installs them) join the forms a stem
    /// cannot: gradation, stem changes, plural stems.
    @Test func finnishWordsAreAlsoIndexedUnderTheirBaseForms() {
        let words = SearchWords(language: .fi)
        #expect(words.hasBaseForms, "Voikko and its Finnish dictionary are installed")
        #expect(!SearchWords(language: .sv).hasBaseForms)
        #expect(words.stems("kaupungeissa").contains("kaupunki"))
        #expect(words.stems("turussa").contains("turku"), "so 'Turussa' finds a page that says 'Turku'")
        #expect(words.stems("lasten").contains("lapsi") && words.stems("lapsille").contains("lapsi"))
        #expect(words.stems("kunnat").contains("kunta") && words.stems("kuntien").contains("kunta"))
        #expect(words.stems("päätöksenteon").allSatisfy { !$0.contains("ä") && !$0.contains("ö") }, "folded")
        #expect(words.stems("kaupungeissa").first == words.stem("kaupungeissa"), "Snowball's stem first")
        #expect(words.entry("kaupungeissa").named == words.stems("kaupungeissa").count)
    }

    @Test func wordsAreSplitAtAnythingButLettersAndDigits() {
        #expect(SearchWords.words(of: "Kulttuuri- ja museo­palvelut 2027, Åbo!") == ["kulttuuri", "ja", "museo", "palvelut", "2027", "åbo"])
        #expect(SearchWords.words(of: String(repeating: "a", count: 41) + " sana") == ["sana"], "an overlong word is not indexed")
    }

    @Test func theBrowsersLookupFindsStemsTheWordBeginsWithOrNearlySo() {
        let stems = ["kaupung", "kaupunk", "kirjasto", "nuor", "nuore", "paatos", "strav", "strategi"].sorted()
        #expect(SiteRenderer.browserStems(of: "kirjastoissa", sortedStems: stems) == ["kirjasto"])
        #expect(SiteRenderer.browserStems(of: "kaupungeissa", sortedStems: stems) == ["kaupung", "kaupunk"])
        #expect(SiteRenderer.browserStems(of: "nuorille", sortedStems: stems) == ["nuor", "nuore"])
        #expect(SiteRenderer.browserStems(of: "paattajien", sortedStems: stems).isEmpty, "päätös is not päättäjä")
        #expect(SiteRenderer.browserStems(of: "strategier", sortedStems: stems) == ["strategi"], "strävan is not strategi")
    }
}

/// The byte scanner the index reads text with gives the words `lowercased()` and Unicode's letters give.
@Suite struct SearchWordScanTests {
    static func reference(_ text: String) -> [String] {
        var words: [String] = [], current = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    @Test(arguments: [
        "Kulttuuri- ja museo­palvelut 2027, Åbo! PÄÄTÖKSENTEON ÆØÅ ß ÿ Ÿ",
        "Straße × ÷ naïve CAFÉ Ελληνικά Кириллица 東京 x²y ½",
        "tab\there\nnew—line «quoted» “typographic” don’t",
    ])
    func scanMatchesLowercasingAndUnicodeLetters(_ text: String) {
        #expect(SearchWords.words(of: text) == Self.reference(text))
    }

    @Test func anOverlongWordIsCountedWholeAndTheWordsAfterItAreIntact() {
        var seen: [(word: String, letters: Int)] = []
        var starts: [Int] = []
        SearchWords.scan(String(repeating: "Ä", count: 5_000) + " 東京 Sana") { word, letters, start in
            seen.append((String(decoding: word, as: UTF8.self), letters))
            starts.append(start)
        }
        #expect(starts == [0, 10_001, 10_008], "each word's first byte")
        #expect(seen.map(\.letters) == [5_000, 2, 4], "the long word's letters are all counted")
        #expect(seen.dropFirst().map(\.word) == ["東京", "sana"])
        #expect(seen.first?.word.utf8.count ?? 0 <= 4 * SearchWords.longestWord + 4, "its bytes are cut, not kept")
    }
}
