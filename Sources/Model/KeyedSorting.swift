extension Array {
    /// The elements in the order of a key computed once per element; equal keys keep their order.
    /// Sorting large structs in place moves each of them many times, every move a copy with its
    /// retains; here only indices move, and each element is copied once into the result.
    public func sorted<Key>(byKey key: (Element) -> Key, by areInIncreasingOrder: (Key, Key) -> Bool) -> [Element] {
        let keys = map(key)
        let order = indices.sorted { first, second in
            if areInIncreasingOrder(keys[first], keys[second]) { return true }
            if areInIncreasingOrder(keys[second], keys[first]) { return false }
            return first < second
        }
        return order.map { self[$0] }
    }
}
