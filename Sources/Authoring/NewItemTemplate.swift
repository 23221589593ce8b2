import Foundation
import Model

/// The text of a new content file: front matter with every key its type accepts — required ones filled
/// in (or marked for filling), optional ones commented out with an example and a one-line explanation in
/// the file's language — `draft: true`, and a body to write over (the Innokylä headings for a good
/// practice).
public enum NewItemTemplate {
    /// The whole file, ending with a newline.
    public static func text(for item: NewItem) -> String {
        let phrases = Phrases.of(item.language)
        var lines = ["---", FrontMatterLayout.line("title", YAMLScalar.text(item.title))]
        switch item.type {
        case .event: lines.append(FrontMatterLayout.line("date", "\(item.day)", phrases.eventDate))
        case .page: break
        default: lines.append(FrontMatterLayout.line("date", "\(item.day)", phrases.date))
        }
        lines.append(FrontMatterLayout.line("draft", "true", phrases.draft))
        lines += requiredKeys(of: item, phrases)
        lines.append("# " + phrases.optionalHeader)
        let start = item.start.flatMap(LocalTime.parse)
        for hint in KeyHint.optionalKeys(
            for: item.type, language: item.language, title: item.title, day: item.day, start: start)
        where !(hint.key == "items" && !item.newsletterItems.isEmpty) {
            lines += hint.lines
        }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n\n" + body(of: item.type, phrases) + "\n"
    }

    /// The keys a type cannot do without, beyond title and date.
    private static func requiredKeys(of item: NewItem, _ phrases: Phrases) -> [String] {
        switch item.type {
        case .event:
            let start = item.start ?? "\(item.day)T09:00"
            let location = item.eventType.isOnline
                ? FrontMatterLayout.line("location", phrases.onlineLocation, phrases.onlineLocationExplanation)
                : FrontMatterLayout.line("location", YAMLScalar.text(phrases.visitLocation), phrases.visitLocationExplanation)
            return [
                FrontMatterLayout.line("event_type", item.eventType.rawValue, phrases.eventType),
                FrontMatterLayout.line("start", start, item.start == nil ? phrases.startToFill : phrases.start),
                location,
            ]
        case .newsletter:
            let issue = item.issue ?? 1
            var lines = [FrontMatterLayout.line("issue", "\(issue)", phrases.issue(issue))]
            // Without items the key is offered among the optional ones, commented out.
            guard !item.newsletterItems.isEmpty else { return lines }
            lines.append(FrontMatterLayout.commented("items:", phrases.newsletterItems))
            for entry in item.newsletterItems {
                let text = "  - \(entry.id)"
                lines.append(entry.comment.map { FrontMatterLayout.commented(text, $0) } ?? text)
            }
            return lines
        case .article, .practice, .page:
            return []
        }
    }

    private static func body(of type: ContentType, _ phrases: Phrases) -> String {
        switch type {
        case .article: phrases.articleBody
        case .practice: phrases.practiceSections.map { "## \($0.heading)\n\n\($0.prompt)" }.joined(separator: "\n\n")
        case .event: phrases.eventBody
        case .newsletter: phrases.newsletterBody
        case .page: phrases.pageBody
        }
    }
}
