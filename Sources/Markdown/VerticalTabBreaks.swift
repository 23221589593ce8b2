import CCmarkGFM
import Foundation

/// U+000B in a body (Word's soft line break, left in place by `Model.TextSanitizer` so positions stay
/// the editor's) becomes a hard line break in text, a line break in code blocks and a space in inline
/// code: no page, feed or e-mail carries the control character itself.
enum VerticalTabBreaks {
    /// Whether the Markdown has a vertical tab at all (almost never: then nothing else is done).
    static func needed(_ markdown: String) -> Bool {
        markdown.utf8.contains(0x0B)
    }

    /// Rewrites every node of `document` whose literal holds a vertical tab.
    static func apply(_ document: OpaquePointer) {
        var found: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  let literal = cmark_node_get_literal(node), strchr(literal, 0x0B) != nil
            else { continue }
            found.append(node)
        }
        cmark_iter_free(iterator)
        for node in found {
            let literal = String(cString: cmark_node_get_literal(node))
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT: splitAtBreaks(node, literal)
            case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK: cmark_node_set_literal(node, replacing(literal, with: "\n"))
            default: cmark_node_set_literal(node, replacing(literal, with: " "))
            }
        }
    }

    private static func replacing(_ text: String, with replacement: String) -> String {
        text.split(separator: "\u{0B}", omittingEmptySubsequences: false).joined(separator: replacement)
    }

    /// Puts the text's parts with line breaks between them in place of the text node. Where a line break
    /// cannot stand (a table cell holds none), the vertical tab becomes a space instead.
    private static func splitAtBreaks(_ node: OpaquePointer, _ literal: String) {
        guard let probe = cmark_node_new(CMARK_NODE_LINEBREAK), TreeEdits.insert(probe, before: node) else {
            cmark_node_set_literal(node, replacing(literal, with: " "))
            return
        }
        cmark_node_free(probe)
        for (index, part) in literal.split(separator: "\u{0B}", omittingEmptySubsequences: false).enumerated() {
            if index > 0, let lineBreak = cmark_node_new(CMARK_NODE_LINEBREAK) { TreeEdits.insert(lineBreak, before: node) }
            if !part.isEmpty, let text = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(text, String(part))
                TreeEdits.insert(text, before: node)
            }
        }
        cmark_node_free(node)
    }
}
