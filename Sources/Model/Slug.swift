import Foundation

/// URL slugs: the last segment of an item's URL, limited to `a-z`, `0-9` and `-`.
public enum Slug {
    /// Turns a title into a slug: lower case, `ä→a ö→o å→a` and other accents dropped, every run of other
    /// characters becomes one hyphen, no hyphen at either end. Long titles are cut at a word boundary so
    /// URLs stay readable (at most `maxLength` characters).
    public static func make(from title: String, maxLength: Int = 60) -> String {
        // A slug is ASCII, so it is built as bytes; every title, heading and tag of a build comes here.
        var slug: [UInt8] = []
        slug.reserveCapacity(min(title.utf8.count, maxLength + 8))
        var pendingHyphen = false
        func append(_ byte: UInt8) {
            if pendingHyphen, !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
            pendingHyphen = false
            slug.append(byte)
        }
        func add(_ scalar: Unicode.Scalar) {
            switch scalar.value {
            case 0x61...0x7A, 0x30...0x39: append(UInt8(scalar.value))  // a–z, 0–9
            case 0x41...0x5A: append(UInt8(scalar.value) + 32)  // A–Z
            case 0x0300...0x036F: return  // combining accents left over from decomposition
            case 0xDF: append(UInt8(ascii: "s")); append(UInt8(ascii: "s"))  // ß
            default: pendingHyphen = true
            }
        }
        for scalar in title.unicodeScalars {
            if scalar.isASCII {
                add(scalar)
            } else if let base = commonLetters[scalar] {
                add(base)
            } else {
                // Lower case, then canonical decomposition: both work scalar by scalar, so doing them only
                // for the rare letters gives the same slug as doing them for the whole title (Foundation's
                // decomposition is slow on Linux).
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    if lower.isASCII {
                        add(lower)
                    } else if let base = commonLetters[lower] {
                        add(base)
                    } else {
                        for part in String(lower).decomposedStringWithCanonicalMapping.unicodeScalars { add(part) }
                    }
                }
            }
        }
        guard slug.count > maxLength else { return String(decoding: slug, as: UTF8.self) }
        let cut = slug.prefix(maxLength + 1)
        if let hyphen = cut.lastIndex(of: UInt8(ascii: "-")), hyphen > cut.startIndex {
            return String(decoding: cut[..<hyphen], as: UTF8.self)
        }
        return String(decoding: slug.prefix(maxLength), as: UTF8.self)
    }

    /// The accented letters of Finnish and Swedish titles, in both cases, and their base letters (what
    /// lower case, decomposition and dropping the accent give).
    private static let commonLetters: [Unicode.Scalar: Unicode.Scalar] = [
        "ä": "a", "ö": "o", "å": "a", "é": "e", "è": "e", "ü": "u", "á": "a", "à": "a", "ó": "o", "í": "i",
        "Ä": "a", "Ö": "o", "Å": "a", "É": "e", "È": "e", "Ü": "u", "Á": "a", "À": "a", "Ó": "o", "Í": "i",
    ]

    /// Whether a slug written by hand is acceptable: non-empty, only `[a-z0-9-]`, no leading or trailing
    /// hyphen. Anything else could become a path (`/`, `..`), so it is an error, never corrected silently.
    public static func isValid(_ slug: String) -> Bool {
        problem(slug) == nil
    }

    /// What is wrong with a slug written by hand, in words for an error message; nil when it is valid.
    public static func problem(_ slug: String) -> String? {
        guard !slug.isEmpty else { return "is empty" }
        let disallowed = slug.unicodeScalars.filter { !(("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-") }
        if let first = disallowed.first {
            let shown = first.properties.generalCategory == .control || first == " "
                ? "U+" + String(first.value, radix: 16, uppercase: true) : "'\(first)'"
            return "contains \(shown); only a–z, 0–9 and '-' are allowed"
        }
        if slug.first == "-" || slug.last == "-" { return "starts or ends with '-'" }
        return nil
    }
}
