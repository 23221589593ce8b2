import Foundation

/// One file of the generated site, rendered to a value before anything is written.
public struct OutputFile: Sendable, Hashable {
    /// What the file holds.
    public enum Contents: Sendable, Hashable {
        case text(String)
        case data(Data)
        /// A file copied as it is from the content or theme folder: its absolute path, read within the
        /// real path of that folder (`ConfinedPath`), so no link swapped in can publish another file.
        case copy(from: String, within: String)
    }

    /// The path inside the output folder, without a leading slash: `fi/artikkelit/x/index.html`.
    public var path: String
    public var contents: Contents

    public init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }

    public static func text(_ path: String, _ text: String) -> OutputFile {
        OutputFile(path: path, contents: .text(text))
    }

    public static func data(_ path: String, _ data: Data) -> OutputFile {
        OutputFile(path: path, contents: .data(data))
    }
}
