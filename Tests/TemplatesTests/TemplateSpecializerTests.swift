import Mustache
@testable import Templates
import Testing

/// A page written from a recorded shape must be exactly what swift-mustache renders for it.
@Suite struct TemplateSpecializerTests {
    struct Tag: TemplateFields {
        var label: String
        var href: String
        var current: Bool
        func field(named name: String) -> Any? {
            switch name {
            case "label": label
            case "href": href
            case "current": current
            default: nil
            }
        }
    }

    struct Item: TemplateFields {
        var name: String?
        var html: String
        func field(named name: String) -> Any? {
            switch name {
            case "name": self.name
            case "html": html
            default: nil
            }
        }
    }

    struct Page: TemplateFields {
        var title: String?
        var summary: String?
        var flag: Bool
        var count: Int
        var tags: [Tag]
        var names: [String]
        var item: Item?
        var html: String
        func field(named name: String) -> Any? {
            switch name {
            case "title": title
            case "summary": summary
            case "flag": flag
            case "count": count
            case "tags": tags
            case "names": names
            case "item": item.map(MustacheBox.init)
            case "html": html
            default: nil
            }
        }
    }

    static let templates = [
        "page": """
            {{% CONTENT_TYPE: HTML_FAST }}
            <h1>{{title}}</h1>{{#summary}}<p>{{.}} {{title}}</p>{{/summary}}{{^summary}}none{{/summary}}
            {{#flag}}F{{/flag}}{{^flag}}f{{/flag}} n={{count}} {{#count}}c{{count}}{{/count}}
            <ul>
            {{#tags}}<li{{#current}} class="cur"{{/current}}><a href="{{href}}">{{label}}</a> {{title}}</li>
            {{/tags}}
            </ul>
            {{^empty(tags)}}has {{count(tags)}} tags{{/empty(tags)}}{{#first(tags)}} first={{label}}{{/first(tags)}}
            {{#names}}[{{.}}]{{/names}}{{^names}}no names{{/names}}
            {{#item}}<section>{{name}} {{title}}{{{html}}}</section>{{/item}}
            {{{html}}}|{{html}}
              {{>part}}
            {{$block}}default{{/block}}
            """,
        "part": "{{% CONTENT_TYPE: HTML_FAST }}\n{{{html}}}{{title}}\n{{#names}}{{.}}\n{{/names}}end\n",
        "child": "{{% CONTENT_TYPE: HTML_FAST }}\n{{<page}}{{$block}}<b>{{title}}</b>{{/block}}{{/page}}\n",
        "text": "{{% CONTENT_TYPE: TEXT }}{{title}}|{{#tags}}{{label}}{{/tags}}|{{html}}",
    ]

    static func library() throws -> MustacheLibrary {
        _ = FastHTMLEscaping.registered
        var library = MustacheLibrary()
        for (name, text) in templates { library.register(try MustacheTemplate(string: text), named: name) }
        return library
    }

    /// Texts by how the engine can tell them apart: missing, empty, and by how they end (line feed,
    /// carriage return, a lone line feed, anything else).
    static let textClasses: [[String?]] = [
        [nil], [""], ["Otsikko", "a <b> & \"c\" 'd'", "é\u{301}", "🎉", "crlf\r\n"], ["rivi\n", "two\nlines\n", "<p>\n"],
        ["cr\r", "x\r"], ["\n"],
    ]

    /// Seeded pages: with `shapes`, each page takes one of that many structures (which texts are missing,
    /// empty or how they end, list lengths, flags) and fills it with other texts; without, every choice
    /// is random.
    static func pages(count: Int, seed: UInt64, shapes: Int? = nil) -> [Page] {
        var content = SplitMix(seed: seed)
        return (0..<count).map { _ in
            var structure = shapes.map { SplitMix(seed: UInt64(content.next($0)) &+ 1_000) } ?? content
            func text() -> String? {
                let texts = textClasses[structure.next(textClasses.count)]
                return texts[content.next(texts.count)]
            }
            let page = Page(
                title: text(), summary: text(), flag: structure.next(2) == 0, count: content.next(3),
                tags: (0..<structure.next(3)).map { _ in
                    Tag(label: text() ?? "", href: "/t/\(content.next(100))", current: structure.next(2) == 0)
                },
                names: (0..<structure.next(3)).map { _ in text() ?? "x" },
                item: structure.next(2) == 0 ? nil : Item(name: text(), html: text() ?? ""),
                html: text() ?? "<p>\n</p>\n")
            if shapes == nil { content = structure }
            return page
        }
    }

    @Test(arguments: ["page", "child", "text"])
    func writesEveryPageAsTheEngineRendersIt(template: String) throws {
        let library = try Self.library()
        let specializer = TemplateSpecializer(enabled: true)
        for page in Self.pages(count: 400, seed: 7, shapes: 12) {
            let expected = library.render(MustacheBox(page), withTemplate: template)
            #expect(specializer.render(page, template: template, language: nil, library: library) == expected)
        }
        let replays = specializer.replays.load(ordering: .relaxed)
        let recordings = specializer.recordings.load(ordering: .relaxed)
        #expect(replays + recordings == 400)
        #expect(replays >= 350, "only \(replays) pages came from a recorded shape")
    }

    /// Every choice random: nearly every page a shape of its own, so replays meet many partial matches.
    @Test(arguments: ["page", "child", "text"])
    func writesRandomPagesAsTheEngineRendersThem(template: String) throws {
        let library = try Self.library()
        let specializer = TemplateSpecializer(enabled: true)
        for page in Self.pages(count: 1_000, seed: 13) {
            let expected = library.render(MustacheBox(page), withTemplate: template)
            #expect(specializer.render(page, template: template, language: nil, library: library) == expected)
        }
    }

    @Test func rendersWithTheEngineWhatAStandInCannotMimic() throws {
        var library = try Self.library()
        library.register(try MustacheTemplate(string: "{{#names}}{{uppercased(.)}}{{/names}}|{{title}}"), named: "upper")
        library.register(try MustacheTemplate(string: "{{#item}}{{.}}{{/item}}"), named: "printed")
        library.register(try MustacheTemplate(string: "{{#reversed(tags)}}{{label}}{{/reversed(tags)}}"), named: "reversed")
        for template in ["upper", "printed", "reversed"] {
            let specializer = TemplateSpecializer(enabled: true)
            var pages = Self.pages(count: 50, seed: 3)
            pages[0].names = ["ab", "cd"]
            pages[0].item = Item(name: "n", html: "h")
            pages[0].tags = [Tag(label: "l", href: "h", current: false), Tag(label: "m", href: "h", current: true)]
            for page in pages {
                let expected = library.render(MustacheBox(page), withTemplate: template)
                #expect(specializer.render(page, template: template, language: nil, library: library) == expected, "\(template)")
            }
            #expect(specializer.replays.load(ordering: .relaxed) == 0, "\(template)")
        }
    }

    @Test func aTextWithAMarkerCharacterIsRenderedByTheEngine() throws {
        let library = try Self.library()
        let specializer = TemplateSpecializer(enabled: true)
        var pages = Self.pages(count: 20, seed: 5)
        pages[3].title = "\u{E000}&0\u{E001}"
        for page in pages {
            let expected = library.render(MustacheBox(page), withTemplate: "page")
            #expect(specializer.render(page, template: "page", language: nil, library: library) == expected)
        }
    }

    @Test func keepsAtMostTheLimitOfShapesAndRendersTheRestWithTheEngine() throws {
        let library = try Self.library()
        let specializer = TemplateSpecializer(enabled: true, shapeLimit: 2)
        for page in Self.pages(count: 60, seed: 11) {
            let expected = library.render(MustacheBox(page), withTemplate: "page")
            #expect(specializer.render(page, template: "page", language: nil, library: library) == expected)
        }
        #expect(specializer.recordings.load(ordering: .relaxed) == 2)
    }

    @Test func recognisesTemplatesThatReadATextsValue() {
        #expect(TemplateSpecializer.needsTheEngine("a {{>*name}} b"))
        #expect(TemplateSpecializer.needsTheEngine("{{> \t*name}}"))
        #expect(TemplateSpecializer.needsTheEngine("{{<*parent}}{{/parent}}"))
        #expect(TemplateSpecializer.needsTheEngine("x \u{E001}"))
        #expect(!TemplateSpecializer.needsTheEngine("{{>name}} {{<base}}{{/base}} {{a*b}}"))
    }

    @Test func cutsOnlyWellFormedMarkers() throws {
        let output = try #require(TemplateSpecializer.ShapeOutput(skeleton: "a\u{E000}&0\u{E001}b\u{E000}&amp;1n\u{E001}\nc"))
        #expect(output.pieces == ["a", "b", "\nc"])
        #expect(output.filled(with: ["<x>", "<y>\n"]) == "a<x>b&lt;y&gt;\nc")
        #expect(TemplateSpecializer.ShapeOutput(skeleton: "a\u{E001}b") == nil)
        #expect(TemplateSpecializer.ShapeOutput(skeleton: "a\u{E000}&x\u{E001}") == nil)
        #expect(TemplateSpecializer.ShapeOutput(skeleton: "a\u{E000}&0n\u{E001}b") == nil)
    }
}

/// A small seeded generator (SplitMix64), so failures can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
