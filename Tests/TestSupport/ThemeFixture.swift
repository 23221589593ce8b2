import Model
import Templates

/// Themes made in a test: every required template and UI string, so one test changes only what it is about.
public enum ThemeFixture {
    /// A theme of `templates`; every UI string is its own key unless `strings` are given.
    public static func theme(_ templates: [String: String], strings: [String: String]? = nil) -> ThemeSource {
        let table = strings ?? Dictionary(uniqueKeysWithValues: UIStrings.requiredKeys.map { ($0, $0) })
        return ThemeSource(
            templates: templates.sorted { $0.key < $1.key }.map {
                ThemeSource.Template(name: $0.key, path: "themes/default/templates/\($0.key).mustache", text: $0.value)
            },
            strings: [.fi: table, .sv: table], staticFiles: [])
    }

    /// Every required template, each showing only the language.
    public static let complete = Dictionary(uniqueKeysWithValues: TemplateSet.requiredTemplates.map { ($0, "<p>{{lang}}</p>") })
}
