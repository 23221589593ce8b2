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
        guard let first = url.first, first != "#", first != "/", !Self.hasScheme(url) else { return .keep }
        var path = Substring(url)
        var suffix = ""
        if let mark = path.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            suffix = String(path[mark...])
            path = path[..<mark]
        }
        let decoded = path.contains("%") ? String(path).removingPercentEncoding ?? String(path) : String(path)
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
    /// nil when the result would leave `content/`.
    static func join(_ relative: String, relativeTo sourcePath: String) -> String? {
        var parts = Array(sourcePath.split(separator: "/").dropLast())
        for component in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard parts.count > 1 else { return nil }
                parts.removeLast()
            default: parts.append(component)
            }
        }
        guard parts.first == "content", parts.count > 1 else { return nil }
        return parts.joined(separator: "/")
    }
}
