// Fuzz target: arbitrary bytes as a content file — UTF-8 check, front matter split, YAML decode, the
// item's fields. Built by `make fuzz` with libFuzzer (`-sanitize=fuzzer -DFUZZING`); without FUZZING it
// is a plain program that replays the files it is given (a crash reproducer, or the whole corpus).
import Loading
import Model

/// The vocabularies of the sample site, so region and theme keys are checked as in a real build.
private let decoder = ItemDecoder(
    regions: Vocabulary(terms: [.init(key: "uusimaa", label: [.fi: "Uusimaa", .sv: "Nyland"])]),
    themes: Vocabulary(terms: [.init(key: "lapset", label: [.fi: "Lapset", .sv: "Barn"])]),
    attachmentPaths: ["content/articles/kuva.jpg"])

/// One input through the loader, as `content/articles/fuzz.fi.md`.
func fuzzOne(_ bytes: [UInt8]) {
    let path = "content/articles/fuzz.fi.md"
    guard case .success(let text) = SourceText.decode(bytes, path: path) else { return }
    for type in ContentType.allCases {
        _ = ContentLoader.decodeItem(text, id: ItemID(type: type, name: "fuzz"), language: .fi, path: path, decoder: decoder)
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
