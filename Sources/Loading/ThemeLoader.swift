import Foundation
import Model

/// Reads a theme folder: `templates/*.mustache`, `i18n/fi.yml` + `i18n/sv.yml` (which must have the
/// same keys) and everything under `static/` (published under `/assets/`).
public enum ThemeLoader {
    public static func load(themeDirectory: URL, displayPath: String) -> (ThemeSource?, [Diagnostic]) {
        let fileManager = FileManager.default
        var diagnostics: [Diagnostic] = []
        // Resolved once: every theme file is read within the theme's real folder (`ConfinedPath`).
        guard fileManager.fileExists(atPath: themeDirectory.path), let themeRoot = ConfinedPath.realFolder(themeDirectory.path) else {
            return (nil, [.error(SourceLocation(path: displayPath), "the theme folder is missing")])
        }
        let themeDirectory = URL(fileURLWithPath: themeRoot, isDirectory: true)
        var templates: [ThemeSource.Template] = []
        let templateFolder = themeDirectory.appendingPathComponent("templates")
        let templateNames = ((try? fileManager.contentsOfDirectory(atPath: templateFolder.path)) ?? [])
            .filter { $0.hasSuffix(".mustache") }.sorted()
        for file in templateNames {
            let path = "\(displayPath)/templates/\(file)"
            switch FileReading.text(of: templateFolder.appendingPathComponent(file), displayPath: path, within: themeRoot) {
            case .success(let text):
                let (clean, warnings) = TextSanitizer.clean(text, path: path, firstLine: 1, verticalTab: .space)
                diagnostics += warnings
                templates.append(.init(name: String(file.dropLast(".mustache".count)), path: path, text: clean))
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            }
        }

        var strings: [Language: [String: String]] = [:]
        var stringLines: [Language: [String: SourceLocation]] = [:]
        for language in Language.allCases {
            let path = "\(displayPath)/i18n/\(language.rawValue).yml"
            let file = themeDirectory.appendingPathComponent("i18n/\(language.rawValue).yml")
            switch SettingsLoader.readFields(file, path: path, within: themeRoot) {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            case .success(var fields):
                var table: [String: String] = [:]
                var lines: [String: SourceLocation] = [:]
                for key in fields.keys {
                    table[key] = fields.text(key) ?? ""
                    lines[key] = fields.location(ofKey: key)
                }
                diagnostics += fields.diagnostics
                strings[language] = table
                stringLines[language] = lines
            }
        }
        for language in Language.allCases {
            guard let own = strings[language], let other = strings[language.other] else { continue }
            for key in other.keys.sorted() where own[key] == nil {
                diagnostics.append(.error(
                    SourceLocation(path: "\(displayPath)/i18n/\(language.rawValue).yml"),
                    "UI string '\(key)' is missing",
                    hint: "\(language.other.rawValue).yml defines it at line \(stringLines[language.other]?[key]?.line ?? 0)"))
            }
        }

        var staticFiles: [ThemeSource.StaticFile] = []
        let staticFolder = themeDirectory.appendingPathComponent("static")
        if let enumerator = fileManager.enumerator(atPath: staticFolder.path) {
            var relatives: [String] = []
            while let relative = enumerator.nextObject() as? String { relatives.append(relative) }
            for relative in relatives.sorted() {
                var isDirectory: ObjCBool = false
                let url = staticFolder.appendingPathComponent(relative)
                _ = fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory)
                if isDirectory.boolValue || relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                // Checked here for a located error; the copy reads within the theme folder again.
                if let problem = ConfinedPath.problem(url.path, within: themeRoot) {
                    diagnostics.append(.error(
                        SourceLocation(path: "\(displayPath)/static/\(relative)"), problem.message, hint: problem.hint))
                    continue
                }
                staticFiles.append(.init(outputPath: "assets/\(relative)", sourcePath: url.path, sourceRoot: themeRoot))
            }
        }
        var emailStylesheet = ""
        switch FileReading.text(
            of: themeDirectory.appendingPathComponent("email/newsletter.css"), displayPath: "\(displayPath)/email/newsletter.css",
            within: themeRoot)
        {
        case .success(let text):
            let (clean, warnings) = TextSanitizer.clean(
                text, path: "\(displayPath)/email/newsletter.css", firstLine: 1, verticalTab: .space)
            diagnostics += warnings
            emailStylesheet = clean
        case .failure(let diagnostic): diagnostics.append(diagnostic)
        }
        let failed = diagnostics.contains(where: \.isError)
        let theme = ThemeSource(
            templates: templates, strings: strings, staticFiles: staticFiles, emailStylesheet: emailStylesheet,
            folder: displayPath)
        return (failed ? nil : theme, diagnostics)
    }
}
