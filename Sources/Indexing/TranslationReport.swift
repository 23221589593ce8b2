import Foundation
import Model

/// The coordinator's translation to-do list: items that exist in one language only, and translations
/// that are older (by `updated`, else `date`) than the other language's version.
public enum TranslationReport {
    public static func warnings(_ index: SiteIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for item in index.items {
            let versions = Language.allCases.compactMap { item.versions[$0] }
            if versions.count == 1, let only = versions.first {
                let missing = only.language.other == .fi ? "Finnish" : "Swedish"
                diagnostics.append(.warning(
                    SourceLocation(path: only.path, line: 1, column: 1), "\(item.id) has no \(missing) version",
                    hint: "tietopankki new \(only.type.rawValue) --lang \(only.language.other.rawValue) --translation-of \(only.path)"))
                continue
            }
            guard let fi = item.versions[.fi], let sv = item.versions[.sv],
                  let fiStamp = fi.common.updated ?? fi.common.date, let svStamp = sv.common.updated ?? sv.common.date,
                  fiStamp != svStamp
            else { continue }
            let (older, newer) = fiStamp < svStamp ? (fi, sv) : (sv, fi)
            let olderStamp = min(fiStamp, svStamp), newerStamp = max(fiStamp, svStamp)
            diagnostics.append(.warning(
                older.location(ofKey: older.common.updated == nil ? "date" : "updated"),
                "this translation (\(LocalTime.isoDay(olderStamp))) is older than \(newer.path) (\(LocalTime.isoDay(newerStamp)))",
                hint: "update the text and its 'updated' date"))
        }
        return diagnostics
    }
}
