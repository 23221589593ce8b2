import Loading
import Model
import Testing

/// Every number front matter gives is bounded, with an error at its line: later arithmetic on it (the
/// next issue number) cannot overflow, and no page gets an absurd URL or menu position.
@Suite struct NumberBoundsTests {
    @Test(arguments: [
        ("newsletters/9.fi.md", "issue: 9223372036854775807\n", "'issue' must be between 1 and 9999"),
        ("newsletters/9.fi.md", "issue: 99999999999999999999999\n", "'issue' must be between 1 and 9999"),
        ("newsletters/9.fi.md", "issue: 10000\n", "'issue' must be between 1 and 9999"),
        ("newsletters/9.fi.md", "issue: 0\n", "'issue' must be between 1 and 9999"),
        ("newsletters/9.fi.md", "issue: -9223372036854775808\n", "'issue' must be between 1 and 9999"),
        ("newsletters/9.fi.md", "issue: kolme\n", "'issue' should be a whole number"),
        ("pages/p.fi.md", "menu: 9223372036854775807\n", "'menu' must be between -999 and 999"),
        ("pages/p.fi.md", "menu: -1000\n", "'menu' must be between -999 and 999"),
    ])
    func aNumberOutOfRangeIsAnErrorAtItsLine(file: String, line: String, message: String) throws {
        let (_, diagnostics) = try ContentLoaderTests().load([
            "content/\(file)": "---\ntitle: Otsikko\ndate: 2026-01-01\n\(line)---\nTeksti\n",
        ])
        let errors = diagnostics.filter(\.isError)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.location?.line == 4, "\(errors)")
        #expect(errors.first?.location?.column == 8 || errors.first?.location?.column == 7, "\(errors)")
        #expect(errors.first?.message == message, "\(errors)")
    }

    @Test(arguments: [("issue: 9999\n", "newsletters/9.fi.md"), ("menu: -999\n", "pages/p.fi.md"), ("menu: 999\n", "pages/p.fi.md")])
    func theBoundsThemselvesAreAllowed(line: String, file: String) throws {
        let (content, diagnostics) = try ContentLoaderTests().load([
            "content/\(file)": "---\ntitle: Otsikko\ndate: 2026-01-01\n\(line)---\nTeksti\n",
        ])
        #expect(diagnostics.filter(\.isError).isEmpty, "\(diagnostics)")
        #expect(content?.items.count == 1)
    }
}
