import Foundation
@testable import Loading
import Model
import Testing

@Suite struct SourceTextTests {
    @Test func dropsTheByteOrderMarkAndNormalisesCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: Hei\r\n---\r\nTeksti\r\n".utf8)
        let text = try SourceText.decode(bytes, path: "x.md").get()
        #expect(text == "---\ntitle: Hei\n---\nTeksti\n")
    }

    @Test func locatesTheFirstByteThatIsNotUTF8() {
        let bytes = Array("---\ntitle: Hyv".utf8) + [0xE4] + Array("\n---\n".utf8)  // Latin-1 'ä'
        guard case .failure(let diagnostic) = SourceText.decode(bytes, path: "content/articles/x.fi.md") else {
            Issue.record("expected an error")
            return
        }
        #expect(diagnostic.location == SourceLocation(path: "content/articles/x.fi.md", line: 2, column: 11))
        #expect(diagnostic.message.contains("UTF-8"))
    }

    static func utf16(_ text: String, bigEndian: Bool, mark: Bool) -> [UInt8] {
        var bytes: [UInt8] = mark ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bytes += bigEndian ? pair.reversed() : pair
        }
        return bytes
    }

    @Test(arguments: [(false, true), (true, true), (false, false), (true, false)])
    func namesUTF16AndHowToConvertIt(bigEndian: Bool, mark: Bool) {
        let bytes = Self.utf16("---\ntitle: Hyvä\n---\nTeksti\n", bigEndian: bigEndian, mark: mark)
        guard case .failure(let diagnostic) = SourceText.decode(bytes, path: "content/articles/x.fi.md") else {
            Issue.record("expected an error")
            return
        }
        let encoding = bigEndian ? "UTF-16BE" : "UTF-16LE"
        #expect(diagnostic.description.hasPrefix("content/articles/x.fi.md:1:1: error: the file is \(encoding) text, not UTF-8"))
        #expect(diagnostic.hints.contains { $0.contains("iconv -f \(encoding) -t UTF-8") }, "\(diagnostic)")
    }

    @Test func saysALoneCRFileHasOldMacLineEndings() {
        guard case .failure(let diagnostic) = SourceText.decode(Array("---\rtitle: A\r---\rB\r".utf8), path: "p.md") else {
            Issue.record("expected an error")
            return
        }
        #expect(diagnostic.description.hasPrefix("p.md:1:1: error: the file's lines end in CR alone"), "\(diagnostic)")
    }
}

@Suite struct FrontMatterTests {
    @Test func splitsYAMLAndBodyAndKnowsTheirLines() throws {
        let split = try FrontMatter.split("---\ntitle: A\ndate: 2024-01-01\n---\nBody line\n", path: "p").get()
        #expect(split.yaml == "title: A\ndate: 2024-01-01")
        #expect(split.yamlLine == 2)
        #expect(split.body == "Body line\n")
        #expect(split.bodyLine == 5)
    }

    @Test(arguments: [
        ("--- \t\nt: Äänekoski\n...  \nÖ\n", "t: Äänekoski", "Ö\n", 4),
        ("---\n---\nVain teksti", "", "Vain teksti", 3),
        ("---\nt: a\n---", "t: a", "", 4),
        ("---\nt: --- ei loppu\n ---\n---\nb", "t: --- ei loppu\n ---", "b", 5),
    ])
    func findsTheMarkersWhateverSurroundsThem(text: String, yaml: String, body: String, bodyLine: Int) throws {
        let split = try FrontMatter.split(text, path: "p").get()
        #expect(split.yaml == yaml)
        #expect(split.body == body)
        #expect(split.bodyLine == bodyLine)
    }

    @Test func reportsAnUnclosedFrontMatterWithAHint() {
        guard case .failure(let diagnostic) = FrontMatter.split("---\ntitle: A\nBody\n", path: "p") else {
            Issue.record("expected an error")
            return
        }
        #expect(diagnostic.message == "the front matter is not closed")
        #expect(diagnostic.hints.first?.contains("---") == true)
    }

    @Test func reportsAMissingFrontMatter() {
        guard case .failure(let diagnostic) = FrontMatter.split("# Title\n", path: "p") else {
            Issue.record("expected an error")
            return
        }
        #expect(diagnostic.location?.line == 1)
    }
}
