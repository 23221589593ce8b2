import Indexing
import Model
import Templates

/// The words of an item page's facts box and of the items a newsletter presents, as the page shows them,
/// for the search index: each fact with its label ("Rahoittaja Kunnan oma rahoitus", "Tallenne Katso
/// tallenne"), from the same view models the page is rendered from. Dates and times, the calendar link and
/// contact e-mail addresses are left out: no one looks for them by word.
extension SiteRenderer {
    /// The facts box of a practice or an event (summary and facts field), but an event's place, which its
    /// record has already (`p`).
    func searchFacts(of item: ContentItem, _ strings: UIStrings) -> [String] {
        var facts: [String] = []
        func add(_ label: String, _ values: [String?]) {
            let shown = values.compactMap { $0 }.filter { !$0.isEmpty }
            if !shown.isEmpty { facts.append(([strings[label]] + shown).joined(separator: " ")) }
        }
        switch item.specific {
        case .practice(let metadata):
            let practice = builder.practiceContext(metadata, strings)
            add("municipality", [practice.municipalities])
            add("organisation", [practice.organisation])
            add("period", [practice.period])
            add("status", [practice.statusLabel])
            add("funder", [practice.funder])
            add("target_groups", [practice.targetGroups.joined(separator: ", ")])
            add("contact", [practice.contactName, practice.contactRole])
            add("links", practice.links.map(\.title))
        case .event(let event):
            // As `ContextBuilder.eventContext` decides them, without the dates it formats.
            let isPast = EventTimeline.isPast(event, now: index.now)
            if !isPast, event.online != nil { add("online", [strings["join_online"]]) }
            if event.registration != nil {
                let open = EventTimeline.isRegistrationOpen(event, now: index.now)
                add("registration", [open ? strings["register"] : strings["registration_closed"]])
            }
            if isPast, event.recording != nil { add("recording", [strings["watch_recording"]]) }
            add("materials", event.materials.map(\.title))
        case .newsletter, .article, .page:
            break
        }
        return facts
    }

    /// The titles and summaries of the items a newsletter issue presents (part of its body on the page).
    func searchPresentedItems(of item: ContentItem, _ language: Language) -> String? {
        guard let metadata = item.newsletter else { return nil }
        // What the cards show of them, without rendering the cards.
        let texts = builder.presentedItems(metadata, language).map { presented in
            [presented.common.title, builder.summary(of: presented)].compactMap { $0 }.joined(separator: " ")
        }
        return texts.isEmpty ? nil : texts.joined(separator: " ")
    }
}
