/// The one rule for every URL that comes from content (front matter, Markdown bodies, settings): what
/// may become an `href` or `src`. Web and mail addresses, phone numbers, site paths, `#anchors` and
/// relative links to content files pass; any other scheme (`javascript:`, `data:`, `file:`, `vbscript:`)
/// is refused, because a browser would run or open it.
///
/// The scheme is found as a browser finds it (WHATWG URL): leading and trailing spaces and control
/// characters are ignored, tabs and line breaks anywhere are removed, and letters are compared without
/// case, so ` JaVa\tScRiPt:` is `javascript:`.
public enum URLPolicy {
    /// The schemes a link from content may use.
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// What a URL is, as far as publishing it goes.
    public enum Kind: Equatable, Sendable {
        /// `https://…`, `mailto:…`, `tel:…`: kept as written.
        case external
        /// `/fi/…`, `#anchor`, `?query` or `//host/…`: kept as written.
        case sitePath
        /// `../pages/laki.fi.md`, `kuva.jpg`: a file under `content/`, resolved by the build.
        case relative
        /// Any other scheme, in lower case: never published.
        case refused(scheme: String)
    }

    public static func classify(_ url: String) -> Kind {
        guard let scheme = scheme(of: url) else {
            let first = url.utf8.first { $0 > 0x20 }
            switch first {
            case UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "#"), UInt8(ascii: "?"): return .sitePath
            default: return .relative
            }
        }
        return allowedSchemes.contains(scheme) ? .external : .refused(scheme: scheme)
    }

    /// Whether `url` starts with a scheme (`x:`), however harmless.
    public static func hasScheme(_ url: String) -> Bool { scheme(of: url) != nil }

    /// The scheme of `url` in lower case, or nil for a relative URL. Works on bytes: every link of a
    /// build comes here.
    public static func scheme(of url: String) -> String? {
        var scheme: [UInt8] = []
        var started = false
        for byte in url.utf8 {
            switch byte {
            case 0x09, 0x0A, 0x0D: continue  // removed anywhere by browsers
            case 0x00...0x20 where !started: continue  // leading controls and spaces are ignored
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): scheme.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): scheme.append(byte)
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                guard !scheme.isEmpty else { return nil }
                scheme.append(byte)
            case UInt8(ascii: ":"):
                return scheme.isEmpty ? nil : String(decoding: scheme, as: UTF8.self)
            default: return nil
            }
            started = true
        }
        return nil
    }

    /// `path` with every byte but letters, digits, `-._~` and `/` percent-encoded (UTF-8), as a URL path
    /// built from a file name must be: the one place such URLs are made.
    public static func percentEncodingPath(_ path: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var encoded: [UInt8] = []
        encoded.reserveCapacity(path.utf8.count)
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                encoded.append(byte)
            default:
                encoded += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    /// The error for a refused URL, located where it was written.
    public static func refusal(_ url: String, scheme: String, at location: SourceLocation, field: String? = nil) -> Diagnostic {
        let what = field.map { "'\($0)'" } ?? "the link '\(url)'"
        return .error(
            location, "\(what) uses the \(scheme): scheme, which is not published",
            hint: "write an http://, https://, mailto: or tel: address, or a relative link to a file under content/")
    }
}
