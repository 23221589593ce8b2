import Foundation

/// What a build wrote into an output tree: per file its content hash and the inode, size and
/// modification time it had. Kept in the tree as `.tietopankki-manifest` — which also marks the folder
/// as one tietopankki may replace. The next build trusts an entry only while `lstat` still shows that
/// inode, size and time, so a file edited, replaced or deleted by hand is noticed without reading it.
public struct OutputManifest: Sendable, Equatable {
    /// The manifest's name inside the output folder; no site file may have it.
    public static let fileName = ".tietopankki-manifest"
    static let header = "tietopankki output manifest 1\n"

    /// One file of the tree.
    public struct Entry: Sendable, Equatable {
        public var hash: ContentHash
        public var size: Int
        public var inode: UInt64
        /// Nanoseconds since 1970.
        public var modified: Int64

        public init(hash: ContentHash, size: Int, inode: UInt64, modified: Int64) {
            self.hash = hash
            self.size = size
            self.inode = inode
            self.modified = modified
        }

        init(hash: ContentHash, status: FileStatus) {
            self.init(hash: hash, size: status.size, inode: status.inode, modified: status.modified)
        }
    }

    public var entries: [String: Entry]

    public init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    /// One line per file, sorted by path: `hash size inode mtime path`, then `end HASH` over the lines
    /// before it, so a manifest changed by hand counts as none. A path with a line break is left out (its
    /// file is then written anew by every build).
    public var text: String {
        var lines = [Self.header]
        lines.reserveCapacity(entries.count + 2)
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) where !path.utf8.contains(UInt8(ascii: "\n")) {
            lines.append("\(entry.hash) \(entry.size) \(entry.inode) \(entry.modified) \(path)\n")
        }
        let body = lines.joined()
        return body + "end \(ContentHash(body))\n"
    }

    /// Reads `text`; lines it cannot read are left out, so their files count as unknown. A text whose
    /// `end` line does not match the lines before it is read as an empty manifest.
    public init(text: String) {
        self.init()
        guard text.hasPrefix(Self.header), text.hasSuffix("\n"),
              let endLine = text.dropLast().lastIndex(of: "\n").map({ text.index(after: $0) }),
              text[endLine...].hasPrefix("end "),
              ContentHash(hex: text[text.index(endLine, offsetBy: 4)...].dropLast()) == ContentHash(String(text[..<endLine]))
        else { return }
        for line in text[..<endLine].dropFirst(Self.header.count).split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: false)
            guard fields.count == 5, let hash = ContentHash(hex: fields[0]), let size = Int(fields[1]),
                  let inode = UInt64(fields[2]), let modified = Int64(fields[3]), !fields[4].isEmpty
            else { continue }
            entries[String(fields[4])] = Entry(hash: hash, size: size, inode: inode, modified: modified)
        }
    }

    /// The manifest of the tree at `folder`; empty when it has none or cannot be read.
    public static func read(in folder: String) -> OutputManifest {
        guard let data = FileManager.default.contents(atPath: folder + "/" + fileName) else { return OutputManifest() }
        return OutputManifest(text: String(decoding: data, as: UTF8.self))
    }
}
