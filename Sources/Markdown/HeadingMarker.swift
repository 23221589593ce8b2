import CCmarkGFM

/// Marks where each Markdown heading's text starts, so that its id goes into exactly that `<hN>` of
/// cmark's output: a raw `<h2>` (with raw HTML allowed) has no marker and keeps its own markup. The
/// marker is a custom inline node written verbatim (`\u{1}h\u{1}`, longer if the body has it already),
/// removed again when the ids are put in (`ByteReplacing.addingHeadingIDs`).
struct HeadingMarker {
    let bytes: [UInt8]

    /// A marker that does not occur in `source`.
    init(avoiding source: String) {
        var marker: [UInt8] = [1, UInt8(ascii: "h"), 1]
        var number = 0
        while source.utf8.contains(1), Self.occurs(marker, in: source) {
            number += 1
            marker = [1, UInt8(ascii: "h")] + Array(String(number).utf8) + [1]
        }
        bytes = marker
    }

    /// Puts the marker first in `heading`.
    func mark(_ heading: OpaquePointer) {
        guard let node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        cmark_node_set_on_enter(node, text)
        if let first = cmark_node_first_child(heading) {
            TreeEdits.insert(node, before: first)
        } else if cmark_node_append_child(heading, node) == 0 {
            cmark_node_free(node)
        }
    }

    private static func occurs(_ marker: [UInt8], in source: String) -> Bool {
        let text = Array(source.utf8)
        guard text.count >= marker.count else { return false }
        for start in 0...(text.count - marker.count) where text[start] == marker[0] {
            if Array(text[start..<start + marker.count]) == marker { return true }
        }
        return false
    }
}
