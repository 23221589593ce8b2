import Foundation
import Model

/// The coordinator's weekly check of the two languages: items that exist in one language only,
/// translations older than their source (compared by `updated`, else `date`), and translations that
/// still carry the translation marker. A pure function of the loaded items.
public struct TranslationReport: Sendable {
    /// What is wrong with one item, most urgent first.
    public enum Finding: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// The item has no file in this language.
        case missing(Language)
        /// This language's file is older than the other language's.
        case older(Language)
        /// This language's file still carries `KÄÄNNÄ:` / `ÖVERSÄTT:`.
        case unfinished(Language)

        /// The status column, e.g. `sv missing`.
        public var description: String {
            switch self {
            case .missing(let language): "\(language.rawValue) missing"
            case .older(let language): "\(language.rawValue) older than \(language.other.rawValue)"
            case .unfinished(let language): "\(language.rawValue) not translated yet"
            }
        }
    }

    /// One item that needs attention.
    public struct Row: Sendable, Hashable {
        /// The item.
        public var id: ItemID
        /// What needs doing.
        public var finding: Finding
        /// Each existing file's `updated` or `date`.
        public var stamps: [Language: Date]
        /// The languages whose file is a draft.
        public var drafts: Set<Language>
    }

    /// Every finding, grouped by kind (missing, older, unfinished), then by id.
    public var rows: [Row]
    /// How many items were compared.
    public var itemCount: Int

    /// Compares every item's language versions.
    public init(items: [ContentItem]) {
        var byID: [ItemID: [Language: ContentItem]] = [:]
        for item in items { byID[item.id, default: [:]][item.language] = item }
        var rows: [Row] = []
        for (id, versions) in byID {
            let stamps = versions.compactMapValues { $0.common.updated ?? $0.common.date }
            let drafts = Set(versions.values.filter(\.common.draft).map(\.language))
            func row(_ finding: Finding) -> Row { Row(id: id, finding: finding, stamps: stamps, drafts: drafts) }
            for language in Language.allCases where versions[language] == nil {
                rows.append(row(.missing(language)))
            }
            for (language, item) in versions where Self.isUnfinished(item) {
                rows.append(row(.unfinished(language)))
            }
            // Days, not moments: `2026-11-16` and `2026-11-16T09:00` are the same version.
            if let fi = stamps[.fi].map(CalendarDay.init), let sv = stamps[.sv].map(CalendarDay.init), fi != sv {
                rows.append(row(.older(fi < sv ? .fi : .sv)))
            }
        }
        self.rows = rows.sorted { ($0.finding.kind, $0.id, $0.finding) < ($1.finding.kind, $1.id, $1.finding) }
        self.itemCount = byID.count
    }

    /// Whether the file still carries its language's translation marker in its title, summary or text.
    static func isUnfinished(_ item: ContentItem) -> Bool {
        let marker = item.language.translationMarker
        return [item.common.title, item.common.summary ?? "", item.body].contains { $0.contains(marker) }
    }

    /// The report as an aligned plain-text table with a summary line (or one line when all is well).
    public var table: String {
        guard !rows.isEmpty else { return "All \(itemCount) items are in both languages and up to date.\n" }
        let header = ["item", "fi", "sv", "status"]
        let body = rows.map { row in
            [row.id.description, stampText(row, .fi), stampText(row, .sv), row.finding.description]
        }
        let widths = header.indices.map { column in ([header] + body).map { $0[column].count }.max() ?? 0 }
        let lines = ([header] + body).map { cells in
            cells.enumerated().map { column, cell in
                column == cells.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        let counts = [
            ("missing a translation", rows.filter { $0.finding.kind == 0 }.count),
            ("older than the other language", rows.filter { $0.finding.kind == 1 }.count),
            ("not translated yet", rows.filter { $0.finding.kind == 2 }.count),
        ].filter { $0.1 > 0 }.map { "\($0.1) \($0.0)" }
        return lines.joined(separator: "\n") + "\n\(rows.count) to check: \(counts.joined(separator: ", "))\n"
    }

    private func stampText(_ row: Row, _ language: Language) -> String {
        guard let stamp = row.stamps[language] else { return row.finding == .missing(language) ? "–" : "no date" }
        return "\(CalendarDay(stamp))" + (row.drafts.contains(language) ? " (draft)" : "")
    }
}

extension TranslationReport.Finding {
    /// Groups the table: missing files first, then outdated ones, then unfinished ones.
    var kind: Int {
        switch self {
        case .missing: 0
        case .older: 1
        case .unfinished: 2
        }
    }
}
