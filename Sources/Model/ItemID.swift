/// The identity of an item across its languages: `FOLDER/NAME`, e.g. `articles/2020-10-21-petajavesi`.
/// Newsletters list items by this id; iCalendar UIDs and feed GUIDs derive from it.
public struct ItemID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var type: ContentType
    public var name: String

    public init(type: ContentType, name: String) {
        self.type = type
        self.name = name
    }

    /// Parses `FOLDER/NAME`; nil when the folder is not a content type.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let type = ContentType(folder: String(parts[0])), !parts[1].isEmpty else {
            return nil
        }
        self.init(type: type, name: String(parts[1]))
    }

    public var description: String { "\(type.folder)/\(name)" }

    public static func < (lhs: ItemID, rhs: ItemID) -> Bool { lhs.description < rhs.description }
}
