import Foundation

/// URL slugs: the last segment of an item's URL, limited to `a-z`, `0-9` and `-`.
public enum Slug {
    /// Turns a title into a slug: lower case, `ä→a ö→o å→a` and other accents dropped, every run of other
    /// characters becomes one hyphen, no hyphen at either end. Long titles are cut at a word boundary so
    /// URLs stay readable (at most `maxLength` characters).
    public static func make(from title: String, maxLength: Int = 60) -> String {
        var result = ""
        var pendingHyphen = false
        func add(_ scalar: Unicode.Scalar) {
            switch scalar {
            case "a"..."z", "0"..."9":
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            case "\u{0300}"..."\u{036F}":
                return  // combining accents left over from decomposition
            case "ß":
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.append("ss")
            default:
                pendingHyphen = true
            }
        }
        for scalar in title.lowercased().unicodeScalars {
            if scalar.isASCII {
                add(scalar)
            } else if let base = commonLetters[scalar] {
                add(base)
            } else {
                // Canonical decomposition works letter by letter, so decomposing only the rare letters
                // gives the same slug as decomposing the whole title (Foundation's is slow on Linux).
                for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars { add(part) }
            }
        }
        guard result.count > maxLength else { return result }
        let cut = result.prefix(maxLength + 1)
        if let hyphen = cut.lastIndex(of: "-"), hyphen > cut.startIndex {
            return String(cut[..<hyphen])
        }
        return String(result.prefix(maxLength))
    }

    /// The accented letters of Finnish and Swedish titles and their base letters (what decomposition
    /// and dropping the accent give).
    private static let commonLetters: [Unicode.Scalar: Unicode.Scalar] = [
        "ä": "a", "ö": "o", "å": "a", "é": "e", "è": "e", "ü": "u", "á": "a", "à": "a", "ó": "o", "í": "i",
    ]

    /// Whether a slug written by hand is acceptable: non-empty, only `[a-z0-9-]`, no leading or trailing
    /// hyphen. Anything else could become a path (`/`, `..`), so it is an error, never corrected silently.
    public static func isValid(_ slug: String) -> Bool {
        guard !slug.isEmpty, slug.first != "-", slug.last != "-" else { return false }
        return slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
