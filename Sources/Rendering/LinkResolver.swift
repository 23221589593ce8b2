import Foundation
import Model

/// Turns the links an editor writes into site URLs: a relative link to a content file
/// (`../pages/laki.fi.md#kohta`) becomes the target page's URL, a relative link to a file beside the
/// content becomes its `/media/…` URL. Absolute URLs, site paths and `#anchors` pass unchanged.
public struct LinkResolver: Sendable {
    /// What to do with one link.
    public enum Resolution: Equatable, Sendable {
        case keep
        /// The site URL, and the content file it leads to.
        case replace(String, target: String)
        /// The target exists but is not published in this build: keep the text, drop the link.
        case unlink(Diagnostic)
        case fail(Diagnostic)
    }

    let urlBySourcePath: [String: String]
    let unpublishedSourcePaths: Set<String>
    let assetURLByContentPath: [String: String]

    public init(urlBySourcePath: [String: String], unpublishedSourcePaths: Set<String>, assets: [ContentAsset]) {
        self.urlBySourcePath = urlBySourcePath
        self.unpublishedSourcePaths = unpublishedSourcePaths
        var assetURLs: [String: String] = [:]
        for asset in assets { assetURLs["content/" + asset.contentPath] = asset.sitePath }
        self.assetURLByContentPath = assetURLs
    }

    /// Resolves `url`, written in the file `sourcePath` at `location`.
    public func resolve(_ url: String, from sourcePath: String, at location: SourceLocation) -> Resolution {
        guard let first = url.utf8.first, first != UInt8(ascii: "#"), first != UInt8(ascii: "/"), !Self.hasScheme(url)
        else { return .keep }
        var path = Substring(url)
        var suffix = ""
        if let mark = path.utf8.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) {
            suffix = String(path[mark...])
            path = path[..<mark]
        }
        let decoded = path.utf8.contains(UInt8(ascii: "%")) ? String(path).removingPercentEncoding ?? String(path) : String(path)
        guard let target = Self.join(decoded, relativeTo: sourcePath) else {
            return .fail(.error(
                location, "the link '\(url)' points outside the content folder",
                hint: "link to files under content/ only"))
        }
        if target.hasSuffix(".md") {
            if let page = urlBySourcePath[target] { return .replace(page + suffix, target: target) }
            if unpublishedSourcePaths.contains(target) {
                return .unlink(.warning(
                    location, "the link to \(target) is not published in this build (a draft or a future item)",
                    hint: "the link text is shown without a link until the target is published"))
            }
            let known = Array(urlBySourcePath.keys) + Array(unpublishedSourcePaths)
            let hint = Suggestion.nearest(to: target, among: known).map { "did you mean \($0)?" }
                ?? "write a relative link to an existing file, e.g. ../pages/laki.fi.md"
            return .fail(.error(location, "the link '\(url)' points to a missing content file (\(target))", hint: hint))
        }
        if let asset = assetURLByContentPath[target] { return .replace(asset + suffix, target: target) }
        return .fail(.error(
            location, "the link '\(url)' points to a missing file (\(target))",
            hint: "put the file beside the content file, or check the spelling"))
    }

    static func hasScheme(_ url: String) -> Bool {
        // Most links are decided by their ASCII bytes; a non-ASCII byte before the colon takes the
        // general rule (letters and digits of any script).
        var length = 0
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: ":"): return length > 0
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                length += 1
            case 0x80...: return hasSchemeSlowly(url)
            default: return false
            }
        }
        return false
    }

    private static func hasSchemeSlowly(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && !scheme.contains("/") && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }

    /// `../pages/laki.fi.md` relative to `content/articles/a.fi.md` → `content/pages/laki.fi.md`;
    /// nil when the result would leave `content/`. Works on UTF-8 bytes: every body link comes through here.
    static func join(_ relative: String, relativeTo sourcePath: String) -> String? {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var result: [UInt8] = []
        result.reserveCapacity(sourcePath.utf8.count + relative.utf8.count)
        var depth = 0
        func append(_ component: some Collection<UInt8>) {
            if depth > 0 { result.append(slash) }
            result.append(contentsOf: component)
            depth += 1
        }
        for component in sourcePath.utf8.split(separator: slash).dropLast() { append(component) }
        for component in relative.utf8.split(separator: slash) {
            if component.count == 1, component.first == dot { continue }
            if component.count == 2, component.first == dot, component.last == dot {
                guard depth > 1 else { return nil }
                result.removeSubrange((result.lastIndex(of: slash) ?? 0)...)
                depth -= 1
                continue
            }
            append(component)
        }
        guard depth > 1, result.starts(with: "content/".utf8) else { return nil }
        return String(decoding: result, as: UTF8.self)
    }
}
