import Inspection
import Testing

@Suite struct HTMLDocumentTests {
    @Test func findsElementsWithAttributesTextAndLines() throws {
        let document = try #require(HTMLDocument(html: """
            <!DOCTYPE html>
            <html lang="fi"><body>
            <a href="/fi/">Etusivu &amp; muuta</a>
            <p id="x">Ä</p><img src="a.png" alt="">
            </body></html>
            """))
        let links = document.elements(named: "a")
        #expect(links.count == 1)
        #expect(links[0]["href"] == "/fi/")
        #expect(links[0].text == "Etusivu & muuta")
        #expect(links[0].line == 3)
        #expect(document.elements(withAttribute: "id").map(\.name) == ["p"])
        #expect(document.elements(named: "img").first?["alt"] == "")
    }
}
