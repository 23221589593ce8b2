import Building
import Foundation
import Inspection
import TestSupport
import Testing

/// The repository's real sample site: it builds, deterministically, and every page can be reached.
@Suite struct SampleSiteTests {
    @Test func buildsTheSameBytesTwice() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let first = try buildSampleSite(into: site.url("one"))
        _ = try buildSampleSite(into: site.url("two"))
        #expect(first.warnings.isEmpty, "\(first.warnings)")
        let one = readTree(site.url("one"))
        #expect(one.count > 50)
        #expect(one == readTree(site.url("two")))
    }

    @Test func everyPageIsReachableFromTheTwoHomePages() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        _ = try buildSampleSite(into: site.url("output"))
        let files = readTree(site.url("output"))
        var reached: Set<String> = []
        var queue = ["fi/index.html", "sv/index.html"]
        while let file = queue.popLast() {
            guard reached.insert(file).inserted, let data = files[file],
                  let document = HTMLDocument(html: String(decoding: data, as: UTF8.self)) else { continue }
            for link in document.elements(named: "a") {
                guard let href = link["href"], href.hasPrefix("/") else { continue }
                var path = String(href.dropFirst().split(separator: "#", omittingEmptySubsequences: false)[0])
                if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
                if files[path] != nil, !reached.contains(path) { queue.append(path) }
            }
        }
        let pages = Set(files.keys.filter { $0.hasSuffix(".html") && !$0.hasSuffix("404.html") && $0 != "index.html" })
        #expect(pages.subtracting(reached).sorted() == [])
    }
}
