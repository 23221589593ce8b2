/// A dictionary that is copied often and changed a little at a time.
///
/// The preview keeps the previous snapshot of the site while it applies an edit (to fall back to when the
/// edit breaks the build), so the first change to a plain dictionary of every output file copies it whole:
/// thousands of entries, each a pointer away, for one or two changed pages. Here the entries stay in a
/// `base` that every later copy shares, and changes (removals too) go into a small layer on top that is
/// folded into the base only once it has grown to an eighth of it.
public struct LayeredDictionary<Key: Hashable, Value> {
    private var base: [Key: Value]
    /// Changes since `base` was last folded; a nil value is a removal.
    private var changes: [Key: Value?] = [:]

    public init(_ entries: [Key: Value] = [:]) {
        base = entries
    }

    public subscript(key: Key) -> Value? {
        get {
            if !changes.isEmpty, let change = changes[key] { return change }
            return base[key]
        }
        set {
            changes.updateValue(newValue, forKey: key)
            foldIfLarge()
        }
    }

    /// Every key with a value, in no particular order.
    public var keys: [Key] {
        guard !changes.isEmpty else { return Array(base.keys) }
        return base.keys.filter { changes[$0] == nil } + changes.compactMap { $0.value == nil ? nil : $0.key }
    }

    /// Answered without listing the keys (a body edit asks this of every body of the site).
    public var isEmpty: Bool {
        if changes.isEmpty { return base.isEmpty }
        if changes.values.contains(where: { $0 != nil }) { return false }
        // Only removals: empty when they remove every entry of the base.
        return base.count <= changes.count && base.keys.allSatisfy { changes[$0] != nil }
    }

    private mutating func foldIfLarge() {
        guard changes.count > 64, changes.count * 8 > base.count else { return }
        for (key, value) in changes { base[key] = value }
        changes = [:]
    }
}

extension LayeredDictionary: Sendable where Key: Sendable, Value: Sendable {}
