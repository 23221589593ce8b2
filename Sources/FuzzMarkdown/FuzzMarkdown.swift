// Fuzz target: arbitrary text as a Markdown body — cmark-gfm's parse, link rewriting, heading ids and
// table wrappers, with raw HTML refused and allowed. Built by `make fuzz` with libFuzzer
// (`-sanitize=fuzzer -DFUZZING`); without FUZZING it replays the files it is given.
import Markdown
import Model

private let links = LinkResolver(
    urlBySourcePath: ["content/pages/laki.fi.md": "/fi/sivut/laki/"],
    unpublishedSourcePaths: ["content/articles/luonnos.fi.md"],
    assets: [ContentAsset(contentPath: "articles/kuva.jpg", sourcePath: "/nonexistent/kuva.jpg", sourceRoot: "/nonexistent")])
private let reserved = ReservedIDs(attributeValues: ["main", "top", "related-heading", "block-{{id}}"])

/// One input through the renderer; a broken promise of the renderer stops the fuzzer as a crash would.
func fuzzOne(_ bytes: [UInt8]) {
    let markdown = String(decoding: bytes, as: UTF8.self)
    for allowRawHTML in [false, true] {
        let renderer = MarkdownRenderer(allowRawHTML: allowRawHTML, links: links, reservedIDs: reserved)
        let rendered = renderer.render(markdown, path: "content/articles/fuzz.fi.md", firstLine: 5, language: .sv)
        let ids = rendered.headings.map(\.id)
        precondition(Set(ids).count == ids.count, "duplicate heading ids: \(ids)")
        precondition(!ids.contains(where: reserved.reserves), "a heading took a reserved id: \(ids)")
        precondition(!ids.contains(""), "an empty heading id")
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    fuzzOne(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#else
import Foundation

@main enum Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            fuzzOne(Array(data))
        }
    }
}
#endif
