import Foundation
import Markdown
import Model
import Templates

/// Writes RSS 2.0 feeds: absolute links, stable GUIDs from the item's identity, RFC 822 dates, the
/// summary in `description` and the whole body (with absolute links) in `content:encoded`.
public struct FeedWriter: Sendable {
    /// One feed item.
    public struct Entry: Sendable {
        public var guid: String
        public var title: String
        public var url: String
        public var date: Date
        public var summary: String?
        public var html: String
        public var categories: [String]
    }

    /// How many items a feed carries.
    public static let limit = 50

    public var baseURL: String
    public var now: Date

    public init(baseURL: String, now: Date) {
        self.baseURL = baseURL
        self.now = now
    }

    /// - Parameter fullContent: whether items carry their whole body in `content:encoded` (the language
    ///   feeds do; region and theme feeds carry summaries, which keeps the many term feeds small).
    public func feed(
        title: String, description: String, pageURL: String, selfURL: String, language: Language, entries: [Entry],
        fullContent: Bool = true
    ) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel>
            <title>\(Self.escape(title))</title>
            <link>\(Self.escape(pageURL))</link>
            <description>\(Self.escape(description))</description>
            <language>\(language.tag)</language>
            <lastBuildDate>\(Self.rfc822(now))</lastBuildDate>
            <generator>tietopankki</generator>
            <atom:link href="\(Self.escape(selfURL))" rel="self" type="application/rss+xml"/>

            """
        for entry in entries.prefix(Self.limit) {
            xml += "<item>\n"
            xml += "<title>\(Self.escape(entry.title))</title>\n"
            xml += "<link>\(Self.escape(entry.url))</link>\n"
            xml += "<guid isPermaLink=\"false\">\(Self.escape(entry.guid))</guid>\n"
            xml += "<pubDate>\(Self.rfc822(entry.date))</pubDate>\n"
            for category in entry.categories { xml += "<category>\(Self.escape(category))</category>\n" }
            if let summary = entry.summary { xml += "<description>\(Self.escape(summary))</description>\n" }
            if fullContent {
                xml += "<content:encoded>\(Self.cdata(Self.absolutize(entry.html, baseURL: baseURL)))</content:encoded>\n"
            }
            xml += "</item>\n"
        }
        xml += "</channel>\n</rss>\n"
        return xml
    }

    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Mon, 23 Nov 2026 10:00:00 +0000` (RFC 822 with a four-digit year, in UTC).
    public static func rfc822(_ date: Date) -> String {
        let f = LocalDateFormat.utcFields(date)
        func two(_ value: Int) -> String { LocalDateFormat.twoDigits(value) }
        return "\(weekdays[f.weekday]), \(two(f.day)) \(months[f.month - 1]) \(f.year) \(two(f.hour)):\(two(f.minute)):\(two(f.second)) +0000"
    }

    /// XML text and attribute escaping.
    public static func escape(_ text: String) -> String {
        xmlEscapes.escape(text)
    }

    static let xmlEscapes = EscapeTable(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&apos;"])

    /// A CDATA section; a `]]>` inside the text is split across two sections.
    static func cdata(_ text: String) -> String {
        "<![CDATA[" + ByteReplacing.replacing(text, [("]]>", "]]]]><![CDATA[>")]) + "]]>"
    }

    /// Turns the site-relative `href="/…"` and `src="/…"` that the Markdown renderer writes into absolute
    /// URLs, for feeds and e-mail where there is no site to be relative to. One pass over the bytes (this
    /// runs for every item of every feed).
    public static func absolutize(_ html: String, baseURL: String) -> String {
        let base = Array(baseURL.utf8)
        var output = [UInt8]()
        var html = html
        html.withUTF8 { bytes in
            output.reserveCapacity(bytes.count + 512)
            let count = bytes.count
            var i = 0
            while i < count {
                let byte = bytes[i]
                // `="/x` after `href` or `src`, but not `="//` (protocol-relative).
                if byte == UInt8(ascii: "="), i + 2 < count, bytes[i + 1] == UInt8(ascii: "\""), bytes[i + 2] == UInt8(ascii: "/"),
                   i + 3 >= count || bytes[i + 3] != UInt8(ascii: "/"),
                   endsWith(bytes, at: i, "href") || endsWith(bytes, at: i, "src") {
                    output.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
                    output.append(contentsOf: base)
                    i += 2
                    continue
                }
                // `srcset="/a 480w, /b 960w"`: every address of the list.
                if byte == UInt8(ascii: "="), i + 1 < count, bytes[i + 1] == UInt8(ascii: "\""), endsWith(bytes, at: i, "srcset") {
                    output.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
                    i += 2
                    var entryStart = true
                    while i < count, bytes[i] != UInt8(ascii: "\"") {
                        if entryStart, bytes[i] == UInt8(ascii: "/"), i + 1 >= count || bytes[i + 1] != UInt8(ascii: "/") {
                            output.append(contentsOf: base)
                        }
                        entryStart = bytes[i] == UInt8(ascii: ",") || (entryStart && bytes[i] == UInt8(ascii: " "))
                        output.append(bytes[i])
                        i += 1
                    }
                    continue
                }
                output.append(byte)
                i += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func endsWith(_ bytes: UnsafeBufferPointer<UInt8>, at end: Int, _ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard end >= length else { return false }
        let start = word.utf8Start
        for offset in 0..<length where bytes[end - length + offset] != start[offset] { return false }
        return true
    }
}
