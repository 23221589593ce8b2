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

    /// - Parameter pictureURLs: for pictures the pipeline takes (content path → URL), the address a
    ///   link to the file leads to instead of the file as it is.
    public init(
        urlBySourcePath: [String: String], unpublishedSourcePaths: Set<String>, assets: [ContentAsset],
        pictureURLs: [String: String] = [:]
    ) {
        self.urlBySourcePath = urlBySourcePath
        self.unpublishedSourcePaths = unpublishedSourcePaths
        var assetURLs: [String: String] = [:]
        for asset in assets { assetURLs["content/" + asset.contentPath] = asset.url }
        assetURLs.merge(pictureURLs) { _, picture in picture }
        self.assetURLByContentPath = assetURLs
    }

    /// Resolves `url`, written in the file `sourcePath` at `location`.
    public func resolve(_ url: String, from sourcePath: String, at location: SourceLocation) -> Resolution {
        switch URLPolicy.classify(url) {
        case .external, .sitePath: return .keep
        case .refused(let scheme): return .fail(URLPolicy.refusal(url, scheme: scheme, at: location))
        case .relative: break
        }
        var path = Substring(url)
        var suffix = ""
        if let mark = path.utf8.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) {
            suffix = String(path[mark...])
            path = path[..<mark]
        }
        let decoded = path.utf8.contains(UInt8(ascii: "%")) ? String(path).removingPercentEncoding ?? String(path) : String(path)
        guard let target = ContentPath.join(decoded, relativeTo: sourcePath) else {
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

}
