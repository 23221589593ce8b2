/// A raster picture's encoded format, as its bytes say (not its file name).
public enum PictureFormat: String, Sendable, Hashable, CaseIterable {
    case jpeg, png, webp, gif, avif

    /// The formats a picture beside the content may be in: the ones libvips reads that browsers show.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "jpg", "jpeg": self = .jpeg
        case "png": self = .png
        case "webp": self = .webp
        case "gif": self = .gif
        case "avif": self = .avif
        default: return nil
        }
    }

    /// The extension of the files the pipeline writes in this format.
    public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }
    public var mimeType: String { "image/" + rawValue }
    /// The name editors know the format by, for messages.
    public var displayName: String { self == .jpeg ? "JPEG" : rawValue.uppercased() }
}

/// What the build knows of a picture beside the content, from its header: its size as shown (EXIF
/// orientation applied, so a portrait photo stored sideways is taller than wide) and its format.
public struct PictureFacts: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public var format: PictureFormat
    public var hasAlpha: Bool

    public init(width: Int, height: Int, format: PictureFormat, hasAlpha: Bool = false) {
        self.width = width
        self.height = height
        self.format = format
        self.hasAlpha = hasAlpha
    }

    /// Pictures larger than this are refused before a pixel is decoded (decompression bombs).
    public static let pixelLimit = 50_000_000

    /// The format the variants fall back to where WebP is not shown (old browsers, e-mail): JPEG for
    /// photos, PNG for pictures with transparency or drawn as PNG.
    public var fallbackFormat: PictureFormat {
        switch format {
        case .png, .gif: return .png
        case .webp, .avif: return hasAlpha ? .png : .jpeg
        case .jpeg: return .jpeg
        }
    }
}

/// Which part of a picture a crop keeps: `image_focus` in front matter.
public enum PictureFocus: String, Sendable, Hashable, CaseIterable {
    case top, center, bottom
    /// libvips' attention heuristic: the busiest, most colourful part.
    case auto
}

/// One file the pipeline writes for a picture: a size, a format and maybe a crop.
public struct PictureVariant: Sendable, Hashable {
    /// Path in the output, e.g. `media/practices/kirjasto.960.webp`.
    public var outputPath: String
    public var width: Int
    public var height: Int
    public var format: PictureFormat
    /// nil: the whole picture scaled; otherwise cut to exactly `width`×`height` keeping this part.
    public var crop: PictureFocus?

    public init(outputPath: String, width: Int, height: Int, format: PictureFormat, crop: PictureFocus? = nil) {
        self.outputPath = outputPath
        self.width = width
        self.height = height
        self.format = format
        self.crop = crop
    }

    /// The variant's address on the site, percent-encoded as URLs require.
    public var url: String { "/" + URLPolicy.percentEncodingPath(outputPath) }
}

/// A set of variants of one picture in one role, widest last, in the formats pages offer.
public struct PictureSet: Sendable, Hashable {
    /// The picture's content path, `content/practices/kirjasto.jpg`.
    public var source: String
    /// Per format, the widths on offer, narrowest first; the fallback format is last.
    public var variants: [PictureVariant]
    public var fallbackFormat: PictureFormat

    public init(source: String, variants: [PictureVariant], fallbackFormat: PictureFormat) {
        self.source = source
        self.variants = variants
        self.fallbackFormat = fallbackFormat
    }

    public func variants(in format: PictureFormat) -> [PictureVariant] { variants.filter { $0.format == format } }

    /// The formats on offer besides the fallback, best first (`<source>` elements).
    public var modernFormats: [PictureFormat] {
        var formats: [PictureFormat] = []
        for variant in variants where variant.format != fallbackFormat && !formats.contains(variant.format) {
            formats.append(variant.format)
        }
        return formats
    }

    /// The fallback variant `<img src>` names: the widest up to `preferredWidth`.
    public func fallback(preferredWidth: Int) -> PictureVariant? {
        let fallbacks = variants(in: fallbackFormat)
        return fallbacks.last(where: { $0.width <= preferredWidth }) ?? fallbacks.first
    }
}

/// Which variants are made of a picture for each place it is shown. Pure: the same facts give the same
/// plan, so pages can name the files before they are encoded.
public struct PicturePlanner: Sendable, Hashable {
    /// Widths of a picture shown whole (a lead picture, a picture in a body). Never wider than the source.
    public var widths: [Int] = [480, 960, 1600]
    /// Widths of card thumbnails, cut to `cardAspect`.
    public var cardWidths: [Int] = [320, 640]
    /// Width ÷ height of card thumbnails.
    public var cardAspect: (width: Int, height: Int) = (3, 2)
    /// The share picture for `og:image`: 1200×630, as the social services ask.
    public var shareSize: (width: Int, height: Int) = (1200, 630)
    /// The e-mail's column is 600 px wide; its pictures are twice that for sharp screens.
    public var emailWidth = 1200
    /// Formats offered before the fallback, best first.
    public var modernFormats: [PictureFormat] = [.avif, .webp]

    public init(modernFormats: [PictureFormat] = [.avif, .webp]) {
        self.modernFormats = modernFormats
    }

    public static func == (a: PicturePlanner, b: PicturePlanner) -> Bool {
        a.widths == b.widths && a.cardWidths == b.cardWidths && a.cardAspect == b.cardAspect
            && a.shareSize == b.shareSize && a.emailWidth == b.emailWidth && a.modernFormats == b.modernFormats
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(widths)
        hasher.combine(cardWidths)
        hasher.combine(emailWidth)
        hasher.combine(modernFormats)
    }

    /// The widths to make of a picture `width` pixels wide from `wanted`: those below it, and the
    /// picture's own width in place of every wider one (never upscaled).
    public static func widths(_ wanted: [Int], upTo width: Int) -> [Int] {
        var result = wanted.filter { $0 < width }
        if wanted.contains(where: { $0 >= width }) || result.isEmpty { result.append(width) }
        return result
    }

    /// The whole picture scaled to each width, in every format on offer.
    public func full(_ source: String, _ facts: PictureFacts) -> PictureSet {
        let sizes = Self.widths(widths, upTo: facts.width).map { width in
            (width, max(1, Int((Double(facts.height) * Double(width) / Double(facts.width)).rounded())))
        }
        return set(source, facts, sizes, name: { "\($0.0)" }, crop: nil)
    }

    /// Card thumbnails: cut to the card's aspect, keeping `focus`.
    public func card(_ source: String, _ facts: PictureFacts, focus: PictureFocus) -> PictureSet {
        let box = Self.croppedBox(facts, aspect: cardAspect, widths: cardWidths)
        return set(source, facts, box, name: { "card-\(focus.rawValue).\($0.0)x\($0.1)" }, crop: focus)
    }

    /// The share picture (`og:image`): one fallback-format file cut to `shareSize`, or smaller in the
    /// same proportion when the source is smaller.
    public func share(_ source: String, _ facts: PictureFacts, focus: PictureFocus) -> PictureVariant {
        let box = Self.croppedBox(facts, aspect: shareSize, widths: [shareSize.width]).last ?? (facts.width, facts.height)
        return PictureVariant(
            outputPath: Self.outputPath(source, "share-\(focus.rawValue).\(box.0)x\(box.1)", facts.fallbackFormat),
            width: box.0, height: box.1, format: facts.fallbackFormat, crop: focus)
    }

    /// The e-mail's picture: the whole picture at twice the column width (or less), in the fallback format.
    public func email(_ source: String, _ facts: PictureFacts) -> PictureVariant {
        let width = min(emailWidth, facts.width)
        let height = max(1, Int((Double(facts.height) * Double(width) / Double(facts.width)).rounded()))
        return PictureVariant(
            outputPath: Self.outputPath(source, "\(width)", facts.fallbackFormat),
            width: width, height: height, format: facts.fallbackFormat)
    }

    /// Boxes of `aspect` for each width that the picture can fill without upscaling.
    static func croppedBox(_ facts: PictureFacts, aspect: (width: Int, height: Int), widths: [Int]) -> [(Int, Int)] {
        // The widest box of this aspect inside the picture.
        let widest = min(facts.width, facts.height * aspect.width / aspect.height)
        return Self.widths(widths, upTo: max(1, widest)).map { width in
            (width, max(1, width * aspect.height / aspect.width))
        }
    }

    private func set(
        _ source: String, _ facts: PictureFacts, _ sizes: [(Int, Int)], name: ((Int, Int)) -> String, crop: PictureFocus?
    ) -> PictureSet {
        var variants: [PictureVariant] = []
        let fallback = facts.fallbackFormat
        for format in modernFormats.filter({ $0 != fallback }) + [fallback] {
            for size in sizes {
                variants.append(PictureVariant(
                    outputPath: Self.outputPath(source, name(size), format), width: size.0, height: size.1,
                    format: format, crop: crop))
            }
        }
        return PictureSet(source: source, variants: variants, fallbackFormat: fallback)
    }

    /// `content/practices/kirjasto.jpg` + `960` + WebP → `media/practices/kirjasto.960.webp`.
    static func outputPath(_ source: String, _ name: String, _ format: PictureFormat) -> String {
        var path = source.hasPrefix("content/") ? String(source.dropFirst("content/".count)) : source
        if let dot = path.lastIndex(of: "."), !path[dot...].contains("/") { path = String(path[..<dot]) }
        return "media/" + path + "." + name + "." + format.fileExtension
    }
}

/// A picture a page shows (a lead picture, one in a body), and where it is named: the build checks each (a readable picture, not
/// too large, named for its format) and makes its variants.
public struct PictureUse: Sendable, Hashable {
    public var target: String
    public var location: SourceLocation

    public init(target: String, location: SourceLocation) {
        self.target = target
        self.location = location
    }
}

/// The pictures beside the content that the pipeline takes, with the rules for their variants: what
/// pages need to name a picture's files before they are encoded.
public struct SitePictures: Sendable, Hashable {
    /// Content path (`content/practices/kirjasto.jpg`) → facts from the picture's header.
    public var facts: [String: PictureFacts]
    public var planner: PicturePlanner
    /// Content path → the hash of the picture's bytes, which names its folder in the variant cache.
    public var sourceHashes: [String: String]

    public init(facts: [String: PictureFacts] = [:], planner: PicturePlanner = PicturePlanner(), sourceHashes: [String: String] = [:]) {
        self.facts = facts
        self.planner = planner
        self.sourceHashes = sourceHashes
    }

    /// The picture shown whole (a lead picture, a picture in a body, a link to the file).
    public func full(_ source: String) -> PictureSet? { facts[source].map { planner.full(source, $0) } }
    /// Card thumbnails.
    public func card(_ source: String, focus: PictureFocus) -> PictureSet? {
        facts[source].map { planner.card(source, $0, focus: focus) }
    }
    /// The `og:image` picture.
    public func share(_ source: String, focus: PictureFocus) -> PictureVariant? {
        facts[source].map { planner.share(source, $0, focus: focus) }
    }
    /// The newsletter e-mail's picture.
    public func email(_ source: String) -> PictureVariant? { facts[source].map { planner.email(source, $0) } }
}
