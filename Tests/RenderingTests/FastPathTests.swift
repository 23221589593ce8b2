import Foundation
@testable import Rendering
import Testing

/// The renderer's fast paths must give exactly what the general tools they replace give.
@Suite struct FastPathTests {
    static let samples = [
        "plain", "Ääni & kuva – \"raaka\" <HTML> 'x'", "tab\tnew\nline\r\u{08}\u{0C}\u{01}\u{1F}", "back\\slash /slash",
        "", "emoji 🎉 ja Åland",
    ]

    @Test(arguments: samples)
    func writesJSONAsFoundationDoes(text: String) throws {
        let object: [String: Any] = ["b": [text, "x"], "a": text, "n": 42, "items": [["k": text]]]
        let ours = JSONData.encode(object)
        let foundation = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        #expect(String(decoding: ours, as: UTF8.self) == String(decoding: foundation, as: UTF8.self))
    }
}
