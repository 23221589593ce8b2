/// Paths of files under `content/`, as diagnostics print them (`content/articles/x.fi.md`).
public enum ContentPath {
    /// The item name and language of a content file named `NAME.LANG.md` (`kirjasto.fi.md`); nil for any
    /// other name. The one reading of content file names: the walker, the preview and `new` use it.
    public static func nameAndLanguage(ofFile fileName: some StringProtocol) -> (name: String, language: Language)? {
        guard fileName.hasSuffix(".md") else { return nil }
        let parts = fileName.dropLast(3).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, let language = Language(rawValue: String(parts[1])) else { return nil }
        return (String(parts[0]), language)
    }

    /// `../pages/laki.fi.md` relative to `content/articles/a.fi.md` → `content/pages/laki.fi.md`;
    /// nil when the result would leave `content/`. Works on UTF-8 bytes: every body link comes through here.
    public static func join(_ relative: String, relativeTo sourcePath: String) -> String? {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var source = sourcePath, target = relative
        // Over the strings' own buffers: splitting a String's UTF-8 view walks it through String indices.
        let joined: [UInt8]? = source.withUTF8 { sourceBytes in
            target.withUTF8 { relativeBytes in
                var result: [UInt8] = []
                result.reserveCapacity(sourceBytes.count + relativeBytes.count)
                var depth = 0
                func append(_ component: UnsafeBufferPointer<UInt8>) {
                    if depth > 0 { result.append(slash) }
                    result.append(contentsOf: component)
                    depth += 1
                }
                // The source is a file: its folder is everything before the last slash.
                let folder = UnsafeBufferPointer(rebasing: sourceBytes[..<(sourceBytes.lastIndex(of: slash) ?? 0)])
                _ = forEachComponent(of: folder) { append($0); return true }
                let staysInside = forEachComponent(of: relativeBytes) { component in
                    if component.count == 1, component[0] == dot { return true }
                    if component.count == 2, component[0] == dot, component[1] == dot {
                        guard depth > 1 else { return false }
                        result.removeSubrange((result.lastIndex(of: slash) ?? 0)...)
                        depth -= 1
                        return true
                    }
                    append(component)
                    return true
                }
                guard staysInside, depth > 1, result.starts(with: "content/".utf8) else { return nil }
                return result
            }
        }
        return joined.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with each non-empty part of `path` between slashes, until it returns false; returns
    /// whether every part was taken.
    private static func forEachComponent(
        of path: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Bool
    ) -> Bool {
        var start = 0
        for index in 0...path.count where index == path.count || path[index] == UInt8(ascii: "/") {
            if index > start, !body(UnsafeBufferPointer(rebasing: path[start..<index])) { return false }
            start = index + 1
        }
        return true
    }
}
