import Foundation
import Model

/// One term's page: a region, a theme or a tag in one language, with the items classified by it.
public struct TermEntry: Sendable {
    public var kind: TermKind
    /// The vocabulary key (the same in both languages), or for tags the slug of the tag.
    public var key: String
    /// The page's address segment in this language: a region's or theme's localised slug
    /// (`/sv/regioner/aland/`), a tag's key.
    public var slug: String
    public var language: Language
    public var label: String
    public var description: String?
    /// Newest first.
    public var items: [ContentItem]
    public var counts: [ContentType: Int]
    /// The key of the same term in the other language, when there is one (for regions and themes the same
    /// vocabulary key; for tags the paired tag's key).
    public var translationKey: String?
}

/// Builds the term pages of a language: every region and theme of the vocabularies (even those with no
/// items yet, so the pages and feeds exist to follow) and every tag in use. Tags differing only in case
/// or diacritics share one page; the variants are reported.
public enum TermIndexer {
    /// Sorts labels the way the language's readers expect: Finnish and Swedish collation put Å, Ä and Ö
    /// after Z (Foundation's locale-aware comparison, with explicit locales: the process locale is unknown).
    public static func collated<T>(_ values: [T], _ language: Language, by label: (T) -> String) -> [T] {
        let locale = Locale(identifier: language.localeIdentifier)
        return values.sorted { a, b in
            let (x, y) = (label(a), label(b))
            let order = x.compare(y, options: [.caseInsensitive], range: nil, locale: locale)
            return order == .orderedSame ? x < y : order == .orderedAscending
        }
    }

    static func index(
        items: [ContentItem], regions: Vocabulary, themes: Vocabulary, tagPairs: [(fi: String, sv: String)],
        language: Language
    ) -> ([TermKind: [TermEntry]], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let own = SiteIndexer.sortedNewestFirst(items.filter { $0.language == language })

        func entries(_ kind: TermKind, _ vocabulary: Vocabulary, _ keys: (ContentItem) -> [String]) -> [TermEntry] {
            var byKey: [String: [ContentItem]] = [:]
            for item in own { for key in keys(item) { byKey[key, default: []].append(item) } }
            let entries = vocabulary.terms.map { term in
                entry(
                    kind, term.key, language, term.label[language] ?? term.key, term.description[language], byKey[term.key] ?? [],
                    slug: term.slug(language))
            }
            // The nationwide term first, then the others in the language's alphabetical order.
            let nationwide = entries.filter { $0.key == "koko-suomi" }
            return nationwide + collated(entries.filter { $0.key != "koko-suomi" }, language) { $0.label }
        }

        var result: [TermKind: [TermEntry]] = [
            .region: entries(.region, regions) { $0.common.regions },
            .theme: entries(.theme, themes) { $0.common.themes },
        ]
        for kind in [TermKind.region, .theme] {
            result[kind] = result[kind]!.map { var entry = $0; entry.translationKey = entry.key; return entry }
        }

        // Tags: merged by slug; the label is the variant used most (ties: the first in collation order).
        var tagItems: [String: [ContentItem]] = [:]
        var variants: [String: [String: Int]] = [:]
        var firstUse: [String: [String: ContentItem]] = [:]
        for item in own {
            for tag in item.common.tags {
                let key = Slug.make(from: tag)
                guard !key.isEmpty else { continue }
                if tagItems[key]?.last?.path != item.path { tagItems[key, default: []].append(item) }
                variants[key, default: [:]][tag, default: 0] += 1
                if firstUse[key]?[tag] == nil { firstUse[key, default: [:]][tag] = item }
            }
        }
        if tagItems.count > ContentLimits.tagsPerLanguage { diagnostics.append(tooManyTags(own, language)) }
        let pairs = Dictionary(
            tagPairs.map { pair in
                language == .fi ? (Slug.make(from: pair.fi), Slug.make(from: pair.sv)) : (Slug.make(from: pair.sv), Slug.make(from: pair.fi))
            },
            uniquingKeysWith: { first, _ in first })
        var tags: [TermEntry] = []
        for (key, items) in tagItems {
            let forms = variants[key]!
            let mostUsed = forms.values.max() ?? 0
            let label = collated(forms.keys.filter { forms[$0] == mostUsed }, language) { $0 }.first ?? key
            if forms.count > 1 {
                let others = collated(forms.keys.filter { $0 != label }, language) { $0 }
                let list = others.map { "'\($0)' (\(firstUse[key]![$0]!.path))" }.joined(separator: ", ")
                let words = Set(forms.keys.map { $0.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) })
                diagnostics.append(words.count > 1
                    ? .warning(
                        firstUse[key]![others[0]]!.location(ofKey: "tags"),
                        "the tags \(list) and '\(label)' are different words but all make the tag address '\(key)'; they share one page",
                        hint: "write them so that their letters and digits differ, e.g. 'c-sharp' or 'cplusplus'")
                    : .warning(
                        firstUse[key]![others[0]]!.location(ofKey: "tags"),
                        "the tag \(list) differs from '\(label)' only in case or accents; they share one page",
                        hint: "write the tag the same way everywhere"))
            }
            var tag = entry(.tag, key, language, label, nil, items)
            tag.translationKey = pairs[key]
            tags.append(tag)
        }
        result[.tag] = collated(tags, language) { $0.label }
        return (result, diagnostics)
    }

    /// The error for a site with more than `ContentLimits.tagsPerLanguage` different tags in a language,
    /// at the first file (by path) whose tags go over.
    static func tooManyTags(_ items: [ContentItem], _ language: Language) -> Diagnostic {
        var seen: Set<String> = []
        var culprit = items.first!
        search: for item in items.sorted(byKey: \.path, by: <) {
            for tag in item.common.tags where seen.insert(Slug.make(from: tag)).inserted && seen.count > ContentLimits.tagsPerLanguage {
                culprit = item
                break search
            }
        }
        return .error(
            culprit.location(ofKey: "tags"),
            "more than \(ContentLimits.tagsPerLanguage) different tags in \(language.rawValue) across the site",
            hint: "each tag is a page of its own; reuse existing tags instead of new ones")
    }

    static func entry(
        _ kind: TermKind, _ key: String, _ language: Language, _ label: String, _ description: String?, _ items: [ContentItem],
        slug: String? = nil
    ) -> TermEntry {
        var counts: [ContentType: Int] = [:]
        for item in items { counts[item.type, default: 0] += 1 }
        return TermEntry(
            kind: kind, key: key, slug: slug ?? key, language: language, label: label, description: description, items: items,
            counts: counts, translationKey: nil)
    }

    /// Warns when the two language versions of an item are classified differently.
    static func checkTranslationPairs(_ items: [IndexedItem]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for item in items {
            guard let fi = item.versions[.fi], let sv = item.versions[.sv] else { continue }
            for (name, a, b) in [("regions", fi.common.regions, sv.common.regions), ("themes", fi.common.themes, sv.common.themes)]
            where Set(a) != Set(b) {
                diagnostics.append(.warning(
                    fi.location(ofKey: name),
                    "the translations disagree on \(name): \(fi.path) has [\(a.joined(separator: ", "))], \(sv.path) has [\(b.joined(separator: ", "))]",
                    hint: "give both language versions the same \(name)"))
            }
        }
        return diagnostics
    }
}
