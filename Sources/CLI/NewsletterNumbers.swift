import Foundation
import Loading
import Model

/// The issue numbers a site has used: those its newsletters declare and those their file names
/// (`3.fi.md`) carry, so an issue whose file does not decode is not numbered twice.
enum NewsletterNumbers {
    static func inFileNames(of site: SiteFolder) -> [Int] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: site.url("content/newsletters").path)) ?? []
        // Only numbers an issue may have (a file `99999999999.fi.md` is reported when it is loaded).
        return names.compactMap { name in name.split(separator: ".").first.flatMap { Int($0) } }
            .filter(NewsletterMetadata.issueNumbers.contains)
    }

    /// The number after the highest one used.
    static func next(in site: SiteFolder) -> Int {
        let (content, _) = ContentLoader.load(siteDirectory: site.root)
        let declared = content?.items.compactMap { $0.newsletter?.issue } ?? []
        return ((declared + inFileNames(of: site)).max() ?? 0) + 1
    }
}
