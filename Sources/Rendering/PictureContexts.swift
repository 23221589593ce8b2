import Foundation
import Markdown
import Model
import Templates

/// A picture as the theme's `picture` partial shows it: `<picture>` with a `<source>` per modern
/// format (WebP), and an `<img>` in the fallback format with its size, so the page does not shift.
public struct PictureContext: TemplateFields, Sendable, Hashable {
    /// One `<source>`: a format and its widths.
    public struct Source: TemplateFields, Sendable, Hashable {
        public var type: String
        public var srcset: String
        public var sizes: String

        public func field(named name: String) -> Any? {
            switch name {
            case "type": type
            case "srcset": srcset
            case "sizes": sizes
            default: nil
            }
        }
    }

    public var sources: [Source]
    public var src: String
    public var srcset: String
    /// How wide the picture is shown, for the browser to choose a width (`sizes`).
    public var sizes: String
    public var width: Int
    public var height: Int
    public var alt: String
    /// Below the first screen: loaded when scrolled near (`loading="lazy"`). The lead picture is not.
    public var lazy: Bool
    /// `lead-picture`, `card-picture` or `body-picture`, for the theme's styles.
    public var role: String

    public func field(named name: String) -> Any? {
        switch name {
        case "sources": sources
        case "src": src
        case "srcset": srcset
        case "sizes": sizes
        case "width": width
        case "height": height
        case "alt": alt
        case "lazy": lazy
        case "role": role
        default: nil
        }
    }

    /// How wide each role is shown in the default theme's layout (a 42rem column; cards in a grid of
    /// columns at least 20rem wide inside 72rem).
    static let proseSizes = "(min-width: 44rem) 42rem, calc(100vw - 2rem)"
    static let cardSizes = "(min-width: 72rem) 23rem, (min-width: 42rem) 50vw, calc(100vw - 2rem)"

    /// The context for `set` shown `sizes` wide; `<img src>` is the fallback at about `preferredWidth`.
    init?(_ set: PictureSet, alt: String, sizes: String, lazy: Bool, role: String, preferredWidth: Int = 960) {
        guard let fallback = set.fallback(preferredWidth: preferredWidth) else { return nil }
        func srcset(_ format: PictureFormat) -> String {
            set.variants(in: format).map { "\($0.url) \($0.width)w" }.joined(separator: ", ")
        }
        sources = set.modernFormats.map { Source(type: $0.mimeType, srcset: srcset($0), sizes: sizes) }
        src = fallback.url
        self.srcset = srcset(set.fallbackFormat)
        self.sizes = sizes
        width = fallback.width
        height = fallback.height
        self.alt = alt
        self.lazy = lazy
        self.role = role
    }
}

extension SitePictures {
    /// An item's lead picture, at the top of its page: loaded at once.
    func lead(of item: ContentItem) -> PictureContext? {
        guard let path = item.common.imagePath, let set = full(path) else { return nil }
        return PictureContext(set, alt: item.common.imageAlt ?? "", sizes: PictureContext.proseSizes, lazy: false, role: "lead-picture")
    }

    /// An item's card thumbnail. Its alt is empty: the card's title says what the card is, and a
    /// list read aloud should not describe every picture.
    func card(of item: ContentItem) -> PictureContext? {
        guard let path = item.common.imagePath, let set = card(path, focus: item.common.imageFocus) else { return nil }
        return PictureContext(set, alt: "", sizes: PictureContext.cardSizes, lazy: true, role: "card-picture", preferredWidth: 640)
    }

    /// The address a link to a picture file leads to: its widest whole variant, as the original (with
    /// its camera's metadata) is never published.
    var linkURLs: [String: String] {
        var urls: [String: String] = [:]
        for source in facts.keys {
            if let widest = full(source)?.variants(in: facts[source]!.fallbackFormat).last { urls[source] = widest.url }
        }
        return urls
    }

    /// Every variant pages of `item` name: its lead picture, card and share picture.
    public func variants(of item: ContentItem) -> [String: [PictureVariant]] {
        guard let path = item.common.imagePath, facts[path] != nil else { return [:] }
        var variants = (full(path)?.variants ?? []) + (card(path, focus: item.common.imageFocus)?.variants ?? [])
        if let share = share(path, focus: item.common.imageFocus) { variants.append(share) }
        if item.type == .newsletter, let email = email(path) { variants.append(email) }
        return [path: variants]
    }
}

extension PictureContext {
    /// A picture in the newsletter e-mail: one file in a format every mail client shows (JPEG or PNG,
    /// twice the 600 px column for sharp screens), by absolute URL, shown 600 px wide at most.
    init(email variant: PictureVariant, alt: String, baseURL: String) {
        let shownWidth = min(600, variant.width)
        sources = []
        src = baseURL + variant.url
        srcset = ""
        sizes = ""
        width = shownWidth
        height = max(1, variant.height * shownWidth / variant.width)
        self.alt = alt
        lazy = false
        // A picture as wide as the column fills it, narrowing with the window (a phone's mail app);
        // a smaller one keeps its size.
        role = shownWidth == 600 ? "email-picture email-picture-wide" : "email-picture"
    }
}

/// Body pictures of the newsletter e-mail, through the theme's `email-picture` partial.
struct EmailBodyPictures: BodyPictures {
    let pictures: SitePictures
    let templates: TemplateSet
    let baseURL: String

    func markup(for target: String, alt: String) -> String? {
        guard templates.has("email-picture"), let variant = pictures.email(target) else { return nil }
        return templates.render(PictureContext(email: variant, alt: alt, baseURL: baseURL), template: "email-picture")
            .trimmingCharacters(in: .newlines)
    }
}

/// Body pictures through the theme's `picture` partial: the same markup as lead pictures, lazily loaded.
struct TemplatedBodyPictures: BodyPictures {
    let pictures: SitePictures
    let templates: TemplateSet

    func markup(for target: String, alt: String) -> String? {
        guard templates.has("picture"), let set = pictures.full(target),
              let context = PictureContext(set, alt: alt, sizes: PictureContext.proseSizes, lazy: true, role: "body-picture")
        else { return nil }
        return templates.render(context, template: "picture").trimmingCharacters(in: .newlines)
    }
}
