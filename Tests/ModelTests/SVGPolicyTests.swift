import Foundation
import Model
import Testing

@Suite struct SVGPolicyTests {
    static let open = #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40">"#

    func problems(_ svg: String) -> [SVGPolicy.Problem] { SVGPolicy.inspect(Array(svg.utf8)).problems }

    @Test func acceptsAPlainLogoAndReadsItsSize() {
        let svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <!-- a comment -->
            \(Self.open)
            <defs><linearGradient id="g"><stop offset="0" stop-color="#004d73"/></linearGradient></defs>
            <style><![CDATA[ .a { fill: url(#g); } ]]></style>
            <title>Logo &amp; co</title>
            <use href="#g" xlink:href="#g"/><rect class="a" width="10" height="10" fill="url( '#g' )"/>
            <image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
            <text x="1" y="2">Kulttuuria &#228; yhteistuumin</text>
            </svg>
            """
        let report = SVGPolicy.inspect(Array(svg.utf8))
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.width == 120 && report.height == 40)
    }

    @Test func sizeFromWidthAndHeightWithoutViewBox() {
        let report = SVGPolicy.inspect(Array(#"<svg xmlns="http://www.w3.org/2000/svg" width="64px" height="32"></svg>"#.utf8))
        #expect(report.problems.isEmpty)
        #expect(report.width == 64 && report.height == 32)
    }

    /// Each hostile or unreadable SVG is refused at the line and column where the problem starts.
    @Test(arguments: [
        ("<script>alert(1)</script>", "<script>"),
        ("<SCRIPT>alert(1)</SCRIPT>", "<SCRIPT>"),
        (#"<x:script xmlns:x="http://www.w3.org/2000/svg">a</x:script>"#, "<x:script>"),
        ("<foreignObject><p>x</p></foreignObject>", "<foreignObject>"),
        (#"<rect onclick="alert(1)"/>"#, "event attribute 'onclick'"),
        (#"<rect OnLoad="alert(1)"/>"#, "event attribute 'OnLoad'"),
        (#"<a href="javascript:alert(1)"><text>x</text></a>"#, "outside the SVG"),
        (#"<a href="&#106;avascript:alert(1)">x</a>"#, "outside the SVG"),
        (#"<use xlink:href="https://evil.example/x.svg#a"/>"#, "outside the SVG"),
        (#"<image href="kuva.png"/>"#, "outside the SVG"),
        (#"<image href="data:image/svg+xml;base64,PHN2Zz4="/>"#, "outside the SVG"),
        (#"<rect fill="url(https://evil.example/#g)"/>"#, "url(https://evil.example/#g)"),
        (#"<rect style="fill: url(//evil.example/a)"/>"#, "outside the SVG"),
        (#"<rect style="fill: u\72l(x)"/>"#, "CSS escapes"),
        ("<style>@import 'https://evil.example/a.css';</style>", "@import"),
        ("<style>rect { fill: url(http://x/) }</style>", "outside the SVG"),
        ("<style>rect { fill: &#117;rl(http://x/) }</style>", "outside the SVG"),
        (#"<set attributeName="href" to="javascript:alert(1)"/>"#, "animates 'href'"),
        (#"<animate attributeName="onbegin" values="x"/>"#, "animates 'onbegin'"),
        ("<rect width=10/>", "not in quotes"),
        ("<text>&nbsp;</text>", "unknown entity"),
        ("<!-- a -- b -->", "'--' inside a comment"),
    ])
    func refuses(body: String, expected: String) throws {
        let found = problems(Self.open + "\n  " + body + "\n</svg>")
        let first = try #require(found.first, "accepted: \(body)")
        #expect(first.message.contains(expected), "\(first.message)")
        #expect(first.line == 2 && first.column >= 3, "at \(first.line):\(first.column)")
        #expect(!first.hint.isEmpty)
    }

    @Test(arguments: [
        ("<?xml-stylesheet href=\"https://evil.example/a.css\"?>" + open + "</svg>", "xml-stylesheet"),
        ("<!DOCTYPE svg [<!ENTITY x \"<script>alert(1)</script>\">]>" + open + "&x;</svg>", "entities of its own"),
        (#"<svg viewBox="0 0 1 1"></svg>"#, "SVG namespace"),
        (#"<svg xmlns="http://www.w3.org/2000/svg"></svg>"#, "gives no size"),
        (#"<html xmlns="http://www.w3.org/1999/xhtml"></html>"#, "not an SVG"),
        ("\u{89}PNG not an svg at all", "no <svg> element"),
        (open + "<rect", "ends inside"),
        (open + "<!-- never closed", "ends inside a comment"),
    ])
    func refusesDocuments(svg: String, expected: String) {
        let found = problems(svg)
        #expect(found.contains { $0.message.contains(expected) }, "\(found)")
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let found = problems(Self.open + "\n<text>ääää</text><script/>\n</svg>")
        let first = try #require(found.first)
        #expect(first.line == 2 && first.column == 18)
    }

    @Test func stopsAtTheLimit() {
        let body = String(repeating: "<script/>\n", count: 50)
        #expect(problems(Self.open + body + "</svg>").count == SVGPolicy.problemLimit)
    }
}

@Suite struct SiteFileTests {
    static func png(width: UInt32, height: UInt32) -> Data {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        for value in [width, height] { bytes += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) } }
        return Data(bytes + [8, 6, 0, 0, 0])
    }

    @Test func readsThePNGHeader() throws {
        let size = try #require(SiteFile.pngSize(Self.png(width: 180, height: 32)))
        #expect(size.width == 180 && size.height == 32)
        #expect(SiteFile.pngSize(Data("GIF89a............................".utf8)) == nil)
        #expect(SiteFile.pngSize(Data(Self.png(width: 1, height: 1).prefix(20))) == nil)
        #expect(SiteFile.pngSize(Self.png(width: 0, height: 5)) == nil)
    }

    @Test func imageSizeKeepsProportionsInWholeNumbers() {
        func size(_ width: Double, _ height: Double) -> (Int, Int) {
            let size = SiteFile(contentPath: "brand/a.svg", kind: .svg, bytes: Data(), width: width, height: height).imageSize
            return (size.width, size.height)
        }
        #expect(size(356.4, 56) == (356, 56))
        #expect(size(1, 0.25) == (64, 16))
        #expect(size(3, 1) == (48, 16))
    }

    @Test func publishedUnderMediaWithAnEncodedAddress() {
        let file = SiteFile(contentPath: "brand/logo #1.svg", kind: .svg, bytes: Data(), width: 1, height: 1)
        #expect(file.outputPath == "media/brand/logo #1.svg")
        #expect(file.url == "/media/brand/logo%20%231.svg")
    }
}

/// Arbitrary text built from SVG's own pieces never crashes the reading, and every problem is located
/// inside the file.
@Suite struct SVGPolicyRobustnessTests {
    @Test func survivesShuffledPieces() {
        let pieces = [
            "<", ">", "/>", "</", "<svg", " xmlns=\"http://www.w3.org/2000/svg\"", " viewBox=\"0 0 1 1\"", "<!--", "-->",
            "<![CDATA[", "]]>", "<!DOCTYPE", "[", "<?", "?>", "=", "\"", "'", "&", "&#", "&#x", ";", "&amp;", "url(",
            "#", "\\", "<style>", "</style>", "<script", " onload", " href", ":", "ä", "\u{FEFF}", "\n", " ", "\u{0}",
        ]
        var generator = SeededGenerator()
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...40, using: &generator)
            let text = (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
            let bytes = Array(text.utf8)
            let report = SVGPolicy.inspect(bytes)
            let lines = bytes.filter { $0 == UInt8(ascii: "\n") }.count + 1
            for problem in report.problems {
                #expect(problem.line >= 1 && problem.line <= lines && problem.column >= 1, "\(problem) in \(text.debugDescription)")
            }
        }
    }
}

/// A fixed-seed generator, so a failure repeats.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
