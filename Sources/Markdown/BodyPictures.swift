import CCmarkGFM
import Model

/// Where a body's pictures get their markup: the picture pipeline's `<picture>` element with its
/// variants for a picture file beside the content, written by the caller (Rendering), which escapes.
public protocol BodyPictures: Sendable {
    /// The HTML for the picture of the content file `target` (`content/articles/kuva.jpg`) with
    /// alternative text `alt`, or nil to keep cmark's `<img>`: not a picture the pipeline takes.
    func markup(for target: String, alt: String) -> String?
}

enum PictureNodes {
    /// Puts `html` in the tree in place of the image node, written out as it is (a custom inline node,
    /// as `HeadingMarker` uses: raw HTML would be dropped when the site does not allow it).
    static func replace(_ image: OpaquePointer, with html: String) {
        guard let node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        cmark_node_set_on_enter(node, html)
        guard TreeEdits.insert(node, before: image) else { return }
        cmark_node_unlink(image)
        cmark_node_free(image)
    }
}
