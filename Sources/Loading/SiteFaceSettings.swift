import Foundation
import Model
import Yams

/// The site's face in `content/site.yml`: `logo`, `favicon` and `partners`. Each file they name is a
/// path under `content/` (`brand/logo.svg`), read within the content folder (`ConfinedPath`) and
/// checked here — an SVG by `SVGPolicy`, a PNG by its header — so that the bytes published are the
/// bytes checked. Problems are located at the key in site.yml, or in the SVG at the offending line.
extension SettingsLoader {
    /// `logo: {file, dark_file, alt: {fi, sv}}`.
    static func logo(_ settings: inout YAMLFields, within root: String) -> SiteLogo? {
        guard var fields = settings.nested("logo") else { return nil }
        fields.rejectUnknownKeys(allowed: ["file", "dark_file", "alt"], what: "'logo'")
        let file = siteFile(&fields, key: "file", required: true, kinds: [.svg, .png], within: root)
        let dark = siteFile(&fields, key: "dark_file", required: false, kinds: [.svg, .png], within: root)
        let alt = fields.localized("alt", required: true)
        settings.diagnostics += fields.diagnostics
        guard let file, alt.count == Language.allCases.count else { return nil }
        return SiteLogo(file: file, darkFile: dark, alt: alt)
    }

    /// `favicon: {svg, png, apple_touch}`: all three, the PNGs at their sizes.
    static func icons(_ settings: inout YAMLFields, within root: String) -> SiteIcons? {
        guard var fields = settings.nested("favicon") else { return nil }
        fields.rejectUnknownKeys(allowed: ["svg", "png", "apple_touch"], what: "'favicon'")
        let svg = siteFile(&fields, key: "svg", required: true, kinds: [.svg], within: root)
        let png = siteFile(&fields, key: "png", required: true, kinds: [.png], within: root, square: SiteIcons.pngSize)
        let touch = siteFile(
            &fields, key: "apple_touch", required: true, kinds: [.png], within: root, square: SiteIcons.appleTouchSize)
        settings.diagnostics += fields.diagnostics
        guard let svg, let png, let touch else { return nil }
        return SiteIcons(svg: svg, png: png, appleTouch: touch)
    }

    /// `partners: [{name, url, logo, alt}]`; `name`, `url` and `alt` are one text for both languages or
    /// `{fi, sv}`.
    static func partners(_ settings: inout YAMLFields, within root: String) -> [SitePartner] {
        guard let node = settings.node("partners") else { return [] }
        guard case .sequence(let sequence) = node else {
            settings.error(at: node, "'partners' should be a list", hint: "write '- name: …' and 'url: …' for each funder or partner")
            return []
        }
        var partners: [SitePartner] = []
        for element in sequence {
            guard case .success(var fields) = YAMLFields.fields(of: element, path: settings.path, lineOffset: settings.lineOffset) else {
                settings.error(at: element, "each entry of 'partners' needs 'name' and 'url'",
                               hint: "write '- name: …' and '  url: https://…'")
                continue
            }
            fields.rejectUnknownKeys(allowed: ["name", "url", "logo", "alt"], what: "a partner")
            let name = eitherLanguage(&fields, "name", required: true)
            let url = partnerURL(&fields)
            let logo = siteFile(&fields, key: "logo", required: false, kinds: [.svg, .png], within: root)
            let alt = eitherLanguage(&fields, "alt", required: false)
            settings.diagnostics += fields.diagnostics
            if !fields.diagnostics.contains(where: \.isError), name.count == Language.allCases.count, let url {
                partners.append(SitePartner(name: name, url: url, logo: logo, alt: alt))
            }
        }
        return partners
    }

    /// One text for both languages, or `{fi: …, sv: …}`.
    static func eitherLanguage(_ fields: inout YAMLFields, _ key: String, required: Bool) -> [Language: String] {
        guard let node = fields.node(key) else {
            if required { fields.missing(key, hint: "write '\(key): …' (one text for both languages, or 'fi: …' and 'sv: …' under it)") }
            return [:]
        }
        if case .scalar = node {
            guard let text = fields.text(of: node, key: key) else { return [:] }
            return Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, text) })
        }
        return fields.localized(key, required: true)
    }

    /// A partner's address per language: http(s) only, held to `URLPolicy`.
    static func partnerURL(_ fields: inout YAMLFields) -> [Language: String]? {
        guard let node = fields.node("url") else {
            fields.missing("url", hint: "write 'url: https://…' (the partner's own site)")
            return nil
        }
        var nodes: [Language: Node] = [:]
        if case .scalar = node {
            for language in Language.allCases { nodes[language] = node }
        } else if case .success(let perLanguage) = YAMLFields.fields(of: node, path: fields.path, lineOffset: fields.lineOffset) {
            _ = fields.localized("url", required: true)  // unknown keys and missing languages, located
            for language in Language.allCases { nodes[language] = perLanguage.node(language.rawValue) }
        } else {
            fields.error(at: node, "'url' should be an address, or 'fi: …' and 'sv: …'")
            return nil
        }
        var urls: [Language: String] = [:]
        var reported: Set<Int> = []
        for language in Language.allCases {
            guard let node = nodes[language], let value = fields.text(of: node, key: "url") else { continue }
            let location = fields.location(of: node)
            switch URLPolicy.classify(value) {
            case .refused(let scheme):
                if reported.insert(location.line * 10_000 + location.column).inserted {
                    fields.diagnostics.append(URLPolicy.refusal(value, scheme: scheme, at: location, field: "url"))
                }
            case .external where value.lowercased().hasPrefix("https://") || value.lowercased().hasPrefix("http://"):
                urls[language] = value
            default:
                if reported.insert(location.line * 10_000 + location.column).inserted {
                    fields.diagnostics.append(.error(
                        location, "a partner's 'url' must be an https:// or http:// address (not '\(value)')",
                        hint: "write the address of the partner's own site, e.g. https://www.example.fi/"))
                }
            }
        }
        return urls.count == Language.allCases.count ? urls : nil
    }

    /// The file under `content/` that `key` names, read and checked. `square`: a PNG must be that many
    /// pixels wide and high.
    static func siteFile(
        _ fields: inout YAMLFields, key: String, required: Bool, kinds: Set<SiteFile.Kind>, within root: String,
        square: Int? = nil
    ) -> SiteFile? {
        // "an SVG or PNG", "an SVG", "a PNG".
        let expected = (kinds.contains(.svg) ? "an " : "a ")
            + kinds.map(\.rawValue).sorted(by: >).map { $0.uppercased() }.joined(separator: " or ")
        guard let node = fields.node(key) else {
            if required {
                fields.missing(key, hint: "write '\(key): brand/NAME.\(kinds.contains(.svg) ? "svg" : "png")' (a file under content/)")
            }
            return nil
        }
        guard let written = fields.text(of: node, key: key) else { return nil }
        let location = fields.location(of: node)
        if URLPolicy.hasScheme(written) || written.hasPrefix("/") || written.hasPrefix("\\") {
            fields.diagnostics.append(.error(
                location, "'\(key)' must name a file under content/, not an address or an absolute path ('\(written)')",
                hint: "put the file in content/brand/ and write '\(key): brand/\(written.split(separator: "/").last ?? "logo.svg")'"))
            return nil
        }
        guard let joined = ContentPath.join(written, relativeTo: "content/site.yml") else {
            fields.diagnostics.append(.error(
                location, "'\(key)' points outside the content folder (\(written))",
                hint: "put the file in content/brand/ and name it relative to content/"))
            return nil
        }
        let contentPath = String(joined.dropFirst("content/".count))
        let displayPath = "content/" + contentPath
        if let problem = ContentAsset(contentPath: contentPath, sourcePath: "", sourceRoot: "").nameProblem {
            fields.diagnostics.append(.error(location, "'\(key)': \(problem)", hint: "rename the file"))
            return nil
        }
        guard let kind = SiteFile.Kind(fileName: contentPath), kinds.contains(kind) else {
            fields.diagnostics.append(.error(
                location, "'\(key)' must be \(expected) file (\(displayPath))",
                hint: kinds.contains(.svg) ? "save the picture as SVG (plain SVG, not .svgz)" : "export the picture as PNG"))
            return nil
        }
        let bytes: [UInt8]
        switch FileReading.bytes(atPath: root + "/" + contentPath, displayPath: displayPath, within: root) {
        case .success(let read): bytes = read
        case .failure(let diagnostic):
            fields.diagnostics.append(.error(
                location, "'\(key)' names \(displayPath): \(diagnostic.message)",
                hint: diagnostic.hints.first.map { $0 == "see docs/content-format.md" ? "put the file there, or check the spelling" : $0 }))
            return nil
        }
        if bytes.count > ContentLimits.siteFileBytes {
            fields.diagnostics.append(.error(
                location, "\(displayPath) is \(bytes.count / 1024) KB; files for the site's face may be \(ContentLimits.siteFileBytes / 1024) KB at most",
                hint: "every reader loads it: simplify the SVG or export a smaller PNG"))
            return nil
        }
        switch kind {
        case .svg:
            let report = SVGPolicy.inspect(bytes)
            guard report.problems.isEmpty, let width = report.width, let height = report.height else {
                for problem in report.problems {
                    fields.diagnostics.append(.error(
                        SourceLocation(path: displayPath, line: problem.line, column: problem.column), problem.message,
                        hint: problem.hint))
                }
                return nil
            }
            return SiteFile(contentPath: contentPath, kind: .svg, bytes: Data(bytes), width: width, height: height)
        case .png:
            let data = Data(bytes)
            guard let size = SiteFile.pngSize(data) else {
                fields.diagnostics.append(.error(
                    location, "\(displayPath) is not a PNG image (its bytes say otherwise)",
                    hint: "export the picture as PNG; renaming a file does not convert it"))
                return nil
            }
            if let square, size.width != square || size.height != square {
                fields.diagnostics.append(.error(
                    location, "\(displayPath) is \(size.width) × \(size.height) pixels; '\(key)' must be \(square) × \(square)",
                    hint: "export the icon at \(square) × \(square) pixels"))
                return nil
            }
            return SiteFile(contentPath: contentPath, kind: .png, bytes: data, width: Double(size.width), height: Double(size.height))
        }
    }
}
