import Foundation
import Indexing
import Model
import Writing

/// Everything a build depends on from outside the content: folders, the moment, the clock, the home
/// folder and switches. The library reads neither the clock nor the environment itself: the same content
/// and `now` give byte-identical output.
public struct BuildRequest: Sendable {
    /// The folder that holds `content/` (and, by default, `themes/` and `output/`).
    public var siteDirectory: URL
    public var outputDirectory: URL
    public var themeDirectory: URL
    public var now: Date
    public var includeDrafts: Bool
    public var includeFuture: Bool
    /// Replaces `base_url` from `content/site.yml` (e.g. for a staging server).
    public var baseURL: String?
    /// Newsletter e-mails with the mailing tool's unsubscribe placeholder (for `tietopankki newsletter`).
    public var emailForMailing = false
    /// How long to wait for another build of the same output to finish (seconds).
    public var lockWait: Double = 0
    /// Measures the lock's wait and the build's duration (the CLI passes the system's monotonic clock).
    public var clock: any Clock<Duration> = ContinuousClock()
    /// The user's home folder, refused as an output folder (`OutputGuard`); the CLI passes `$HOME`.
    public var homeDirectory: String?
    /// Pages of one shape are written from the first one's render (`TemplateSpecializer`); false renders
    /// every page through the template engine, to compare (`TIETOPANKKI_NO_SPECIALIZING=1`).
    public var specializesTemplates = true
    /// Where picture variants are kept between builds, so an unchanged picture is never encoded again:
    /// `.cache/pictures` in the site folder (outside `output/`, which holds only the site).
    public var pictureCacheDirectory: URL
    /// Test seams: keep the lock this long after rendering, and fail writes as a full disk would.
    public var holdLockSeconds: Double = 0
    public var writeFaults = WriteFaults()

    /// What this build publishes.
    public var policy: PublishingPolicy {
        PublishingPolicy(now: now, includeDrafts: includeDrafts, includeFuture: includeFuture)
    }

    public init(
        siteDirectory: URL, outputDirectory: URL? = nil, themeDirectory: URL? = nil, now: Date,
        includeDrafts: Bool = false, includeFuture: Bool = false, baseURL: String? = nil
    ) {
        self.siteDirectory = siteDirectory
        self.outputDirectory = outputDirectory ?? siteDirectory.appendingPathComponent("output")
        self.themeDirectory = themeDirectory ?? siteDirectory.appendingPathComponent("themes/default")
        self.now = now
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.baseURL = baseURL
        self.pictureCacheDirectory = siteDirectory.appendingPathComponent(".cache/pictures")
    }
}
