import Foundation
import Loading
import Model

/// The other language's file for an existing item: the shared facts (dates, regions, themes, event
/// times and links, practice facts, newsletter issue and items) copied line for line, the texts (title,
/// summary, body …) carried over behind a marker (`ÖVERSÄTT:` / `KÄÄNNÄ:`) for the translator to
/// replace, and `draft: true` until the translation is done. `tietopankki translations` lists files
/// that still carry the marker.
public enum TranslationDraft {
    /// Keys whose values are the same in both languages.
    static let sharedKeys: Set<String> = [
        "date", "updated", "regions", "themes", "image", "event_type", "start", "end", "online", "registration",
        "registration_deadline", "recording", "period", "status", "issue", "items", "menu",
    ]
    /// Keys whose values are texts in the source language, carried over behind the marker.
    static let textKeys: Set<String> = ["title", "summary", "image_alt", "subject", "preheader"]
    /// Keys that belong to one language version: each version has its own slug; the draft flag is set anew.
    static let ownKeys: Set<String> = ["slug", "draft"]

    /// The translation of `source` (a `type` item written in `from`) into the other language.
    /// `title` is the translated title when the translator already knows it.
    /// `day` is the day the translation is started (the example of `updated`).
    public static func text(
        of source: FrontMatterOutline, type: ContentType, from language: Language, title: String? = nil,
        day: CalendarDay
    ) -> String {
        let target = language.other
        let phrases = Phrases.of(target)
        var lines = ["---"]
        if let title {
            lines.append(FrontMatterLayout.line("title", YAMLScalar.text(title)))
        } else {
            lines.append(marked("title", source.entry("title")?.text ?? "", phrases))
        }
        lines.append(FrontMatterLayout.line("draft", "true", phrases.draft))
        var afterCopiedTexts = false
        for entry in source.entries where entry.key != "title" && !ownKeys.contains(entry.key) {
            let isText = !sharedKeys.contains(entry.key)
            if !isText {
                lines += entry.lines
            } else if textKeys.contains(entry.key), let text = entry.text {
                lines.append(marked(entry.key, text, phrases))
            } else {
                // Names, link titles, tags: usable as they are, but written in the source language.
                if !afterCopiedTexts { lines.append("# " + phrases.checkCopiedTexts) }
                lines += entry.lines
            }
            afterCopiedTexts = isText && !textKeys.contains(entry.key)
        }
        let present = Set(source.entries.map(\.key))
        let hints = KeyHint.optionalKeys(
            for: type, language: target, title: title ?? "", day: day, start: nil
        ).filter { !present.contains($0.key) && $0.key != "slug" && !(type == .page && $0.key == "date") }
        if !hints.isEmpty {
            lines.append("# " + phrases.optionalHeader)
            for hint in hints { lines += hint.lines }
        }
        lines.append("---")
        let body = translatedHeadings(source.body, type: type, from: language)
        return lines.joined(separator: "\n") + "\n\n" + phrases.translateBody + "\n" + body
    }

    /// `key: "ÖVERSÄTT: source text"`.
    private static func marked(_ key: String, _ text: String, _ phrases: Phrases) -> String {
        FrontMatterLayout.line(key, YAMLScalar.quoted("\(phrases.translateMarker) \(text)"))
    }

    /// A good practice's Innokylä headings in the target language; other lines as written.
    static func translatedHeadings(_ body: String, type: ContentType, from language: Language) -> String {
        guard type == .practice else { return body.hasPrefix("\n") ? body : "\n" + body }
        let from = Phrases.of(language).practiceSections.map { "## \($0.heading)" }
        let to = Phrases.of(language.other).practiceSections.map { "## \($0.heading)" }
        let lines = body.components(separatedBy: "\n").map { line -> String in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard let position = from.firstIndex(of: trimmed) else { return line }
            return to[position]
        }
        let translated = lines.joined(separator: "\n")
        return translated.hasPrefix("\n") ? translated : "\n" + translated
    }
}
