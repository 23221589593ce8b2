import Templates

/// The parts of the page shell that are the same on many pages, rendered once each: the text-size
/// control and the footer once per language, the main menu once per language and current link.
///
/// Every page has them; rendering them through Mustache on each page cost about a tenth of a build.
/// Their templates (`site-text-size`, `site-menu`, `site-footer`) get the page's shell as context but
/// are remembered under the key above, so they may use only what is the same for every page of a
/// language: `lang`, `siteTitle`, `siteDescription`, `homeURL`, `sections`, `menu`, `t`, `isHome`,
/// `isBrowse`, `isSearch`, `searchURL`, `browseURL`, `logo`, `favicon`, `partners`, `hasPartners` (the
/// settings' site face), and in the footer `footerSignup` (the same for every page that has it). A theme
/// without one of them gets nothing there.
final class ShellFragments: Sendable {
    private let cache: RenderedTemplateCache<String>

    init(templates: TemplateSet) {
        cache = RenderedTemplateCache(templates: templates)
    }

    /// Puts the fragments in `shell` (`textSizeHTML`, `menuHTML`, `footerHTML`), for its fields as they are
    /// now: call it when the page's shell is final.
    func fill(_ shell: inout ShellContext) {
        shell.textSizeHTML = html("site-text-size", for: shell)
        shell.menuHTML = html("site-menu", for: shell)
        shell.footerHTML = html("site-footer", for: shell)
    }

    /// The fragment `template` for `shell`, rendered the first time its key is asked for.
    func html(_ template: String, for shell: ShellContext) -> String {
        cache.html(template, key: Self.key(template, shell), context: shell, strings: shell.language)
    }

    /// What a fragment can depend on: the language, and for the menu which of its links is current.
    static func key(_ template: String, _ shell: ShellContext) -> String {
        var key = template + "|" + shell.lang
        if template == "site-footer" { key += shell.footerSignup == nil ? "|-" : "|signup" }
        if template == "site-menu" {
            key += "|" + shell.kind + "|"
            for link in shell.sections { key += link.current ? "1" : "0" }
            for link in shell.menu { key += link.current ? "1" : "0" }
        }
        return key
    }
}
