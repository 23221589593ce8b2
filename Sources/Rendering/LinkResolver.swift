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
        var source = sourcePath, target = relative
        // Over the strings' own buffers: splitting a String's UTF-8 view walks it through String indices.
        let joined: [UInt8]? = source.withUTF8 { sourceBytes in
            target.withUTF8 { relativeBytes in
                var result: [UInt8] = []
                result.reserveCapacity(sourceBytes.count + relativeBytes.count)
                var depth = 0
                func append(_ component: UnsafeBufferPointer<UInt8>) {
                    if depth > 0 { result.append(slash) }
                    result.append(contentsOf: component)
                    depth += 1
                }
                // The source is a file: its folder is everything before the last slash.
                let folder = UnsafeBufferPointer(rebasing: sourceBytes[..<(sourceBytes.lastIndex(of: slash) ?? 0)])
                _ = forEachComponent(of: folder) { append($0); return true }
                let staysInside = forEachComponent(of: relativeBytes) { component in
                    if component.count == 1, component[0] == dot { return true }
                    if component.count == 2, component[0] == dot, component[1] == dot {
                        guard depth > 1 else { return false }
                        result.removeSubrange((result.lastIndex(of: slash) ?? 0)...)
                        depth -= 1
                        return true
                    }
                    append(component)
                    return true
                }
                guard staysInside, depth > 1, result.starts(with: "content/".utf8) else { return nil }
                return result
            }
        }
        return joined.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with each non-empty part of `path` between slashes, until it returns false; returns
    /// whether every part was taken.
    private static func forEachComponent(
        of path: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Bool
    ) -> Bool {
        var start = 0
        for index in 0...path.count where index == path.count || path[index] == UInt8(ascii: "/") {
            if index > start, !body(UnsafeBufferPointer(rebasing: path[start..<index])) { return false }
            start = index + 1
        }
        return true
    }
}
