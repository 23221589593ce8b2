/// What a changed file means for the site. The preview server's watcher reports paths; this decides,
/// without touching the disk, how much must be rebuilt.
public enum SiteChange: Sendable, Hashable {
    /// A content file was created, edited or deleted (`content/articles/x.fi.md`).
    case contentFile(String)
    /// A file beside the content (an image, a PDF) changed.
    case asset(String)
    /// A template of the theme changed (its name, e.g. `article` or `card`).
    case template(String)
    /// A file of the theme's `static/` folder changed (`assets/site.css`).
    case staticFile(String)
    /// Settings, vocabularies, UI strings or the e-mail stylesheet: everything is rebuilt.
    case everything
}

/// Maps a changed path (relative to the site folder) to a `SiteChange`; nil for files that do not
/// matter (editor backups and swap files, hidden files, anything outside content/ and the theme).
public enum ChangeClassifier {
    public static func classify(_ path: String, themePath: String = "themes/default") -> SiteChange? {
        let parts = path.split(separator: "/").map(String.init)
        guard let file = parts.last, !isScratch(file), !parts.contains(where: { $0.hasPrefix(".") }) else { return nil }
        if parts.first == "content" {
            if parts.count == 2 { return file.hasSuffix(".yml") ? .everything : nil }
            // The logo, favicons and partners' logos are read and checked with the settings.
            if parts[1] == "brand" { return .everything }
            if parts.count == 3, file.hasSuffix(".md") { return .contentFile(path) }
            return .asset(path)
        }
        guard path.hasPrefix(themePath + "/") else { return nil }
        let inside = String(path.dropFirst(themePath.count + 1))
        if inside.hasPrefix("templates/"), file.hasSuffix(".mustache"), !inside.dropFirst(10).contains("/") {
            return .template(String(file.dropLast(".mustache".count)))
        }
        if inside.hasPrefix("static/") { return .staticFile("assets/" + inside.dropFirst("static/".count)) }
        if inside.hasPrefix("i18n/") || inside.hasPrefix("email/") { return .everything }
        return nil
    }

    /// Files editors write while saving: vim's swap files and its `4913` probe, backups ending in `~`,
    /// Emacs lock and autosave files.
    static func isScratch(_ name: String) -> Bool {
        name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name == "4913"
            || name.hasPrefix(".#") || (name.hasPrefix("#") && name.hasSuffix("#")) || name.hasSuffix(".tmp")
    }
}
