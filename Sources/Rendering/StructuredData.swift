import Foundation
import Model
import Templates

/// schema.org JSON-LD for pages, serialised with sorted keys (deterministic) and with `<`, `>` and `&`
/// escaped so the text is safe inside a `<script>` element whatever the content says.
enum StructuredData {
    static func event(_ item: ContentItem, _ event: EventMetadata, url: String, typeName: String) -> String {
        var object: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "Event",
            "name": item.common.title,
            "startDate": LocalDateFormat.isoDateTime(event.start),
            "url": url,
            "inLanguage": item.language.tag,
            "eventStatus": "https://schema.org/EventScheduled",
        ]
        if let end = event.end { object["endDate"] = LocalDateFormat.isoDateTime(end) }
        if let summary = item.common.summary { object["description"] = summary }
        var locations: [[String: Any]] = []
        if let place = event.location {
            locations.append(["@type": "Place", "name": place, "address": place])
        }
        if let online = event.online {
            locations.append(["@type": "VirtualLocation", "url": online])
        }
        if locations.isEmpty, event.eventType.isOnline {
            locations.append(["@type": "VirtualLocation", "url": url])
        }
        object["location"] = locations.count == 1 ? locations[0] : locations
        let mode = switch (event.location != nil, event.online != nil || event.eventType.isOnline) {
        case (true, true): "MixedEventAttendanceMode"
        case (false, _): "OnlineEventAttendanceMode"
        case (true, false): "OfflineEventAttendanceMode"
        }
        object["eventAttendanceMode"] = "https://schema.org/\(mode)"
        object["keywords"] = typeName
        return serialise(object)
    }

    static let scriptSafe = EscapeTable(["&": "\\u0026", "<": "\\u003c", ">": "\\u003e"])

    static func serialise(_ object: [String: Any]) -> String {
        // These characters occur only inside JSON strings, where the escapes mean the same.
        scriptSafe.escape(String(decoding: JSONData.encode(object), as: UTF8.self))
    }
}
