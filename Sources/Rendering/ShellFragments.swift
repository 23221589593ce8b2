import Synchronization
import Templates

/// The parts of the page shell that are the same on many pages, rendered once each: the text-size
/// control and the footer once per language, the main menu once per language and current link.
///
/// Every page has them; rendering them through Mustache on each page cost 5-6 % of a build
/// (bench/results.md, "Cache layers"). Their templates (`site-text-size`, `site-menu`, `site-footer`)
/// get the page's shell as context but are remembered under the key below, so they may use only what is
/// the same for every page of a language: `lang`, `siteTitle`, `siteDescription`, `homeURL`, `sections`,
/// `menu`, `t`, `isHome`, `isBrowse`, `isSearch`, `searchURL`, `browseURL`, `logo`, `favicon`, `partners`,
/// `hasPartners` (the settings' site face), and in the footer `footerSignup` (the same for every page that
/// has it). A theme without one of them gets nothing there.
///
/// Safe to use from the parallel page renderers: a miss renders outside the lock, so two threads may
/// render the same fragment once each but never wait on each other.
final class ShellFragments: Sendable {
    private let templates: TemplateSet
    private let rendered = Mutex<[String: String]>([:])

    init(templates: TemplateSet) {
        self.templates = templates
    }

    /// Puts the fragments in `shell` (`textSizeHTML`, `menuHTML`, `footerHTML`), for its fields as they are
    /// now: call it when the page's shell is final.
    func fill(_ shell: inout ShellContext) {
        shell.textSizeHTML = html("site-text-size", for: shell)
        shell.menuHTML = html("site-menu", for: shell)
        shell.footerHTML = html("site-footer", for: shell)
    }

    /// The fragment `template` for `shell`, rendered the first time its key is asked for; empty when the
    /// theme has no such template.
    func html(_ template: String, for shell: ShellContext) -> String {
        let key = Self.key(template, shell)
        if let html = rendered.withLock({ $0[key] }) { return html }
        let html = templates.has(template) ? templates.render(shell, template: template, strings: shell.language) : ""
        rendered.withLock { $0[key] = html }
        return html
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
