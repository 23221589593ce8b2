import EmailInlining
import Foundation
import Indexing
import Model

/// Newsletter issues as stand-alone e-mails: `email.html` (600 px table layout, every style inlined,
/// absolute links) and `email.txt` (the same issue as plain text with the URLs written out).
extension SiteRenderer {
    /// The site path of an issue's e-mail file.
    func emailPath(_ item: ContentItem, _ format: EmailFormat) -> String {
        index.url(of: item) + (format == .html ? "email.html" : "email.txt")
    }

    func newsletterEmail(_ item: ContentItem, _ format: EmailFormat) -> OutputFile {
        let path = SitePaths.outputFile(for: emailPath(item, format))
        switch format {
        case .html: return .text(path, emailHTML(item))
        case .text: return .text(path, emailText(item))
        }
    }

    /// The issue's items as cards with absolute links (their HTML rendered again with them), falling back
    /// to the other language's version.
    func emailEntries(_ item: ContentItem) -> [CardContext] {
        guard let newsletter = item.newsletter else { return [] }
        return builder.newsletterContext(newsletter, item.language).entries.map { card in
            var card = card
            card.href = index.config.absoluteURL(card.href)
            return builder.cards.rendered(card)
        }
    }

    func emailContext(_ item: ContentItem) -> EmailContext {
        DependencyTracking.record(item.path)
        let language = item.language
        let newsletter = item.newsletter ?? NewsletterMetadata(issue: 0)
        // The body again, its pictures as single files a mail client shows (the page's `<picture>`
        // offers WebP by relative address).
        var emailMarkdown = markdown
        emailMarkdown.pictures = EmailBodyPictures(pictures: index.pictures, templates: templates, baseURL: index.config.baseURL)
        let html = builder.bodies[item.path] == nil ? "" : emailMarkdown.render(item).html
        var context = EmailContext(
            lang: language.tag, siteTitle: index.config.title[language] ?? "",
            homeURL: index.config.absoluteURL(SitePaths.home(language)), issue: newsletter.issue,
            title: item.common.title, subject: newsletter.subject ?? item.common.title,
            preheader: newsletter.preheader ?? item.common.summary,
            dateText: item.common.date.map { LocalDateFormat.long($0, language) },
            introHTML: FeedWriter.absolutize(html, baseURL: index.config.baseURL), entries: emailEntries(item),
            webVersionURL: index.absoluteURL(of: item),
            sender: index.config.newsletterSender[language] ?? index.config.title[language] ?? "",
            unsubscribe: forMailing
                ? index.config.unsubscribePlaceholder : index.config.absoluteURL(SitePaths.list(.newsletter, language)),
            unsubscribeLabel: builder.t(language)[forMailing ? "email_unsubscribe" : "email_subscription"],
            strings: builder.t(language).table)
        if let path = item.common.imagePath, let variant = index.pictures.email(path) {
            context.picture = PictureContext(email: variant, alt: item.common.imageAlt ?? "", baseURL: index.config.baseURL)
        }
        return context
    }

    func emailHTML(_ item: ContentItem) -> String {
        let rendered = templates.render(emailContext(item), template: "email", strings: item.language)
        let inlined = CSSInliner(css: templates.emailStylesheet, baseURL: index.config.baseURL).inline(rendered)
        guard forMailing else { return inlined }
        // libxml2 percent-escapes href values on output; the mailing tool must find its placeholder as written.
        let placeholder = index.config.unsubscribePlaceholder
        let escaped = placeholder.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["{", "}"])) ?? placeholder
        return inlined.replacingOccurrences(of: "href=\"\(escaped)\"", with: "href=\"\(placeholder)\"")
    }

    func emailText(_ item: ContentItem) -> String {
        let context = emailContext(item)
        let strings = builder.t(item.language)
        var lines: [String] = [context.subject]
        if let preheader = context.preheader { lines.append(preheader) }
        lines.append("")
        lines.append(context.title)
        lines.append(String(repeating: "=", count: context.title.count))
        lines.append("")
        lines.append(markdown.plainText(item, baseURL: index.config.baseURL).trimmingCharacters(in: .whitespacesAndNewlines))
        if !context.entries.isEmpty {
            lines.append("")
            lines.append(strings["in_this_issue"].uppercased())
            lines.append(String(repeating: "-", count: strings["in_this_issue"].count))
            for entry in context.entries {
                lines.append("")
                lines.append("* \(entry.title)")
                let meta = [entry.eventTypeLabel ?? entry.typeLabel, entry.eventWhen, entry.dateText].compactMap { $0 }
                lines.append("  " + meta.joined(separator: " · "))
                if let summary = entry.summary { lines.append("  " + summary) }
                if let note = entry.languageNote { lines.append("  " + note) }
                lines.append("  " + entry.href)
            }
        }
        lines += [
            "", "-- ", context.sender,
            "\(strings["email_web_version_text"]) \(context.webVersionURL)",
            "\(strings[forMailing ? "email_unsubscribe_text" : "email_subscription_text"]) \(context.unsubscribe)",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
