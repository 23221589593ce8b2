import Indexing
import Model

/// `check`'s translation to-do list as located warnings, from the same `TranslationReport` that
/// `tietopankki translations` prints as a table.
enum TranslationWarnings {
    static func diagnostics(_ index: SiteIndex) -> [Diagnostic] {
        let report = TranslationReport(items: index.items.flatMap { Array($0.versions.values) })
        return report.rows.compactMap { row in
            guard let item = index.item(row.id) else { return nil }
            switch row.finding {
            case .missing(let language):
                guard let present = item.versions[language.other] else { return nil }
                return .warning(
                    SourceLocation(path: present.path, line: 1, column: 1),
                    "\(row.id) has no \(language == .fi ? "Finnish" : "Swedish") version",
                    hint: "tietopankki new --translation-of \(present.path)")
            case .older(let language):
                guard let older = item.versions[language], let newer = item.versions[language.other] else { return nil }
                return .warning(
                    older.location(ofKey: older.common.updated == nil ? "date" : "updated"),
                    "this translation (\(LocalTime.isoDay(row.stamps[language]!))) is older than \(newer.path) (\(LocalTime.isoDay(row.stamps[language.other]!)))",
                    hint: "update the text and its 'updated' date")
            case .unfinished(let language):
                guard let version = item.versions[language] else { return nil }
                return .warning(
                    version.location(ofKey: "title"), "the translation still carries its 'translate' marker",
                    hint: "translate the marked texts and remove the marker")
            }
        }
    }
}
