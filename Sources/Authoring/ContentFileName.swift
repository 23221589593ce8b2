import Model

/// The name of a content file, `NAME.LANG.md` in its type's folder, and the rules for choosing NAME:
/// dated types get the day first (`2026-11-23-otsikko`), pages only the transliterated title
/// (`saavutettavuusseloste`), newsletters their issue number (`3`).
public struct ContentFileName: Sendable, Hashable, CustomStringConvertible {
    /// The type, which decides the folder.
    public var type: ContentType
    /// NAME: what the item's id and its two language files share.
    public var name: String
    /// The language of this file.
    public var language: Language

    /// A file name from its parts (nothing is checked).
    public init(type: ContentType, name: String, language: Language) {
        self.type = type
        self.name = name
        self.language = language
    }

    /// The name a new item gets; nil when the title has no letters or digits to make a name from.
    public static func forNewItem(
        _ type: ContentType, title: String, language: Language, day: CalendarDay, issue: Int? = nil
    ) -> ContentFileName? {
        if type == .newsletter, let issue {
            return ContentFileName(type: type, name: String(issue), language: language)
        }
        let slug = Slug.make(from: title)
        guard !slug.isEmpty else { return nil }
        let name = type.requiresDate ? "\(day)-\(slug)" : slug
        return ContentFileName(type: type, name: name, language: language)
    }

    /// Reads a path that ends in `content/FOLDER/NAME.LANG.md` (what the build accepts as a content file).
    public static func parse(path: String) -> ContentFileName? {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count >= 3, parts[parts.count - 3] == "content",
              let type = ContentType(folder: parts[parts.count - 2]),
              let (name, language) = ContentPath.nameAndLanguage(ofFile: parts[parts.count - 1])
        else { return nil }
        return ContentFileName(type: type, name: name, language: language)
    }

    /// The item's id, `FOLDER/NAME`.
    public var id: ItemID { ItemID(type: type, name: name) }

    /// `NAME.LANG.md`.
    public var fileName: String { "\(name).\(language.rawValue).md" }

    /// `content/FOLDER/NAME.LANG.md`, relative to the site folder.
    public var path: String { "content/\(type.folder)/\(fileName)" }

    /// The same item's file in the other language.
    public var translation: ContentFileName {
        ContentFileName(type: type, name: name, language: language.other)
    }

    public var description: String { path }
}
