@testable import Inspection
import Testing

/// `check` resolves links as a browser does, so that it passes what works and fails what breaks.
@Suite struct SiteLinkCheckerTests {
    static let files: Set<String> = ["fi/index.html", "media/articles/kuva#1.png", "media/articles/100%.pdf", "media/articles/x.pdf"]

    func errors(for href: String) -> [String] {
        let page = "<!doctype html><html lang=\"fi\"><head><title>t</title></head><body><a href=\"\(href)\">x</a></body></html>"
        return SiteLinkChecker.check(pages: ["fi/index.html": page], files: Self.files, origins: [:]).map(\.message)
    }

    @Test(arguments: ["/media/articles/kuva%231.png", "/media/articles/100%25.pdf", "/media/articles/x.pdf", "\\media\\articles\\x.pdf"])
    func acceptsWhatABrowserFetches(href: String) {
        #expect(errors(for: href).isEmpty, "\(href): \(errors(for: href))")
    }

    @Test(arguments: ["/media/articles/kuva#1.png", "/media/articles/100%.pdf", "/media/articles/puuttuu.pdf"])
    func refusesWhatABrowserCannotFetch(href: String) {
        #expect(errors(for: href).count == 1, "\(href): \(errors(for: href))")
    }
}
