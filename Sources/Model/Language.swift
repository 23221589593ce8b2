/// A language of the site. Finnish comes first everywhere: in menus, in feeds, in the root page.
public enum Language: String, CaseIterable, Sendable, Hashable, Comparable, Codable {
    case fi
    case sv

    /// The other language of the bilingual pair.
    public var other: Language { self == .fi ? .sv : .fi }

    /// BCP 47 tag for `<html lang>`, `hreflang` and feeds.
    public var tag: String { rawValue }

    /// Locale identifier for dates and collation (Finland's Finnish and Finland's Swedish).
    public var localeIdentifier: String { self == .fi ? "fi_FI" : "sv_FI" }

    /// The language's name in itself, for the language switch.
    public var nativeName: String { self == .fi ? "suomi" : "svenska" }

    /// Starts a text still to be translated into this language: new translations carry it, and the
    /// translation report looks for it.
    public var translationMarker: String { self == .fi ? "KÄÄNNÄ:" : "ÖVERSÄTT:" }

    public static func < (lhs: Language, rhs: Language) -> Bool {
        lhs.sortIndex < rhs.sortIndex
    }

    private var sortIndex: Int { self == .fi ? 0 : 1 }
}
