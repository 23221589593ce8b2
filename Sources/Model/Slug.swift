import Foundation

/// URL slugs: the last segment of an item's URL, limited to `a-z`, `0-9` and `-`.
public enum Slug {
    /// Turns a title into a slug: lower case, `ä→a ö→o å→a` and other accents dropped, every run of other
    /// characters becomes one hyphen, no hyphen at either end. Long titles are cut at a word boundary so
    /// URLs stay readable (at most `maxLength` characters).
    public static func make(from title: String, maxLength: Int = 60) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in title.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9":
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            case "\u{0300}"..."\u{036F}":
                continue  // combining accents left over from decomposition
            case "ß":
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.append("ss")
            default:
                pendingHyphen = true
            }
        }
        guard result.count > maxLength else { return result }
        let cut = result.prefix(maxLength + 1)
        if let hyphen = cut.lastIndex(of: "-"), hyphen > cut.startIndex {
            return String(cut[..<hyphen])
        }
        return String(result.prefix(maxLength))
    }

    /// Whether a slug written by hand is acceptable: non-empty, only `[a-z0-9-]`, no leading or trailing
    /// hyphen. Anything else could become a path (`/`, `..`), so it is an error, never corrected silently.
    public static func isValid(_ slug: String) -> Bool {
        guard !slug.isEmpty, slug.first != "-", slug.last != "-" else { return false }
        return slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
