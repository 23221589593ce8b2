import Foundation

/// A file that `content/site.yml` names for the site's own face — the logo, the favicons, a partner's
/// logo — read and checked when the settings load (`SVGPolicy` for SVG, the PNG header for PNG), and
/// published as those checked bytes at `/media/<path>`, like the files beside the content.
public struct SiteFile: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case svg, png

        /// The kind a file name promises (`.svg`, `.png`), or nil.
        public init?(fileName: String) {
            let lower = fileName.lowercased()
            if lower.hasSuffix(".svg") { self = .svg } else if lower.hasSuffix(".png") { self = .png } else { return nil }
        }
    }

    /// Relative to `content/`, as written in site.yml: `brand/logo.svg`.
    public var contentPath: String
    public var kind: Kind
    /// The bytes that were checked; these, not a later read of the file, are published.
    public var bytes: Data
    /// The intrinsic size: an SVG's `viewBox` (or width and height), a PNG's pixels.
    public var width: Double
    public var height: Double

    public init(contentPath: String, kind: Kind, bytes: Data, width: Double, height: Double) {
        self.contentPath = contentPath
        self.kind = kind
        self.bytes = bytes
        self.width = width
        self.height = height
    }

    public var outputPath: String { "media/" + contentPath }
    public var url: String { "/" + URLPolicy.percentEncodingPath(outputPath) }

    /// Whole numbers for `<img width height>` in the file's proportions (an SVG's viewBox may be
    /// fractional or tiny: scaled until its shorter side is at least 16).
    public var imageSize: (width: Int, height: Int) {
        let shorter = min(width, height)
        let scale = shorter < 16 ? 16 / shorter : 1
        return (max(1, Int((width * scale).rounded())), max(1, Int((height * scale).rounded())))
    }

    /// `width` × `height` of a PNG from its header, or nil when the bytes are not a PNG.
    public static func pngSize(_ bytes: Data) -> (width: Int, height: Int)? {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let data = [UInt8](bytes.prefix(24))
        guard data.count == 24, Array(data[0..<8]) == signature, Array(data[12..<16]) == Array("IHDR".utf8) else { return nil }
        func number(_ at: Int) -> Int { data[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        let width = number(16), height = number(20)
        return width > 0 && height > 0 ? (width, height) : nil
    }
}

/// The header's logo: a file (SVG or PNG), optionally another for the dark scheme, and its text
/// alternative per language (the name of the link to the home page it sits in).
public struct SiteLogo: Sendable, Hashable {
    public var file: SiteFile
    public var darkFile: SiteFile?
    public var alt: [Language: String]

    public init(file: SiteFile, darkFile: SiteFile? = nil, alt: [Language: String]) {
        self.file = file
        self.darkFile = darkFile
        self.alt = alt
    }
}

/// The favicon set: an SVG icon, a 32 × 32 PNG for browsers without SVG icons, and the 180 × 180 PNG
/// that phones put on the home screen (`apple-touch-icon`).
public struct SiteIcons: Sendable, Hashable {
    public static let pngSize = 32
    public static let appleTouchSize = 180

    public var svg: SiteFile
    public var png: SiteFile
    public var appleTouch: SiteFile

    public init(svg: SiteFile, png: SiteFile, appleTouch: SiteFile) {
        self.svg = svg
        self.png = png
        self.appleTouch = appleTouch
    }
}

/// A funder or partner in the footer's row: its name and address per language, and a logo if it has one
/// (whose text alternative is `alt`, or the name).
public struct SitePartner: Sendable, Hashable {
    public var name: [Language: String]
    public var url: [Language: String]
    public var logo: SiteFile?
    public var alt: [Language: String]

    public init(name: [Language: String], url: [Language: String], logo: SiteFile? = nil, alt: [Language: String] = [:]) {
        self.name = name
        self.url = url
        self.logo = logo
        self.alt = alt
    }
}
