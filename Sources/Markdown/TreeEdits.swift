import CCmarkGFM

/// Changes to cmark's tree that never leak or lose a node. cmark refuses a child its parent cannot hold
/// (a table cell holds no line break, for one) and then leaves the new node unattached: these free it and
/// say so, so the caller can fall back.
enum TreeEdits {
    /// Puts the new node `node` before `sibling`; false (and `node` freed) when the parent refuses it.
    @discardableResult
    static func insert(_ node: OpaquePointer, before sibling: OpaquePointer) -> Bool {
        if cmark_node_insert_before(sibling, node) != 0 { return true }
        cmark_node_free(node)
        return false
    }

    /// Puts the new node `node` after `sibling`; false (and `node` freed) when the parent refuses it.
    @discardableResult
    static func insert(_ node: OpaquePointer, after sibling: OpaquePointer) -> Bool {
        if cmark_node_insert_after(sibling, node) != 0 { return true }
        cmark_node_free(node)
        return false
    }
}
