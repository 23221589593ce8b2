import Foundation
import Model

#if canImport(Glibc)
import Glibc
#endif

/// Lists the files under `content/`: Markdown items named `NAME.LANG.md` directly in a type folder, and
/// assets (anything else) anywhere below a type folder. Misplaced or misnamed files are reported.
/// `content/brand/` is not walked: `site.yml` names the files in it that are published.
enum ContentWalker {
    struct SourceFile: Sendable {
        var filePath: String
        var displayPath: String
        var id: ItemID
        var language: Language
    }

    /// What a folder listing says an entry is; a symbolic link is looked through only where needed.
    enum EntryKind { case file, folder, symlink, other }

    /// - Parameter root: the real path of `content/` (`ContentLoader.confinedContentRoot`).
    static func walk(contentRoot root: String) -> ([SourceFile], [ContentAsset], [Diagnostic]) {
        var sources: [SourceFile] = []
        var assets: [ContentAsset] = []
        var diagnostics: [Diagnostic] = []
        let folders = ContentType.allCases.map(\.folder)
        let topLevel = (entries(of: root) ?? []).sorted { $0.name < $1.name }
        for (name, kind) in topLevel where !name.hasPrefix(".") {
            // A type folder (or settings file) that is a link is looked through only when it stays inside.
            if kind == .symlink, let problem = symlinkTargetProblem(root + "/" + name, contentRoot: root) {
                diagnostics.append(.error(SourceLocation(path: "content/\(name)"), problem.message, hint: problem.hint))
                continue
            }
            guard isFolder(kind, at: root + "/" + name) else {
                if name.hasSuffix(".md") {
                    diagnostics.append(.error(
                        SourceLocation(path: "content/\(name)"), "a content file must be inside a type folder",
                        hint: "move it into one of: \(folders.joined(separator: ", "))"))
                } else if !ContentLoader.settingsFiles.contains(name) {
                    diagnostics.append(.warning(SourceLocation(path: "content/\(name)"), "unknown settings file, ignored"))
                }
                continue
            }
            // The site's own files (logo, favicons, partners' logos): read by the settings, only as named there.
            if name == ContentLoader.brandFolder { continue }
            guard let type = ContentType(folder: name) else {
                let hint = Suggestion.nearest(to: name, among: folders).map { "did you mean '\($0)'?" }
                    ?? "content folders are: \(folders.joined(separator: ", "))"
                diagnostics.append(.error(SourceLocation(path: "content/\(name)"), "unknown content folder '\(name)'", hint: hint))
                continue
            }
            walkTypeFolder(
                root + "/" + name, type: type, contentRoot: root, sources: &sources, assets: &assets, diagnostics: &diagnostics)
        }
        return (sources, assets, diagnostics)
    }

    static let fileNameMessage = "a content file must be named NAME.fi.md or NAME.sv.md"

    /// The entries of a folder (without `.` and `..`) as `readdir` reports them; nil if it cannot be read.
    static func entries(of folder: String) -> [(name: String, kind: EntryKind)]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var result: [(name: String, kind: EntryKind)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            let kind: EntryKind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_LNK): kind = .symlink
            case Int32(DT_UNKNOWN): kind = lstatKind(folder + "/" + name)
            default: kind = .other
            }
            result.append((name, kind))
        }
        return result
    }

    /// The kind of `path` itself (a symbolic link is not followed), for file systems whose listings
    /// do not say.
    private static func lstatKind(_ path: String) -> EntryKind {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .other }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// Whether an entry is a folder, looking through a symbolic link to what it leads to.
    private static func isFolder(_ kind: EntryKind, at path: String) -> Bool {
        switch kind {
        case .folder: return true
        case .symlink:
            var status = stat()
            return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
        case .file, .other: return false
        }
    }

    /// Whether an entry is a regular file, looking through a symbolic link to what it leads to.
    private static func isRegularFile(_ kind: EntryKind, at path: String) -> Bool {
        switch kind {
        case .file: return true
        case .symlink:
            var status = stat()
            return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
        case .folder, .other: return false
        }
    }

    /// A symbolic link must lead to an existing file inside `content/`; a loop, a dangling link or a link
    /// out of the content folder (which could publish any file of the machine) is an error.
    static func symlinkProblem(_ url: URL, contentRoot: String) -> (message: String, hint: String)? {
        guard lstatKind(url.path) == .symlink else { return nil }
        return symlinkTargetProblem(url.path, contentRoot: contentRoot)
    }

    /// Where the symbolic link at `path` leads, checked as `symlinkProblem` describes.
    private static func symlinkTargetProblem(_ path: String, contentRoot: String) -> (message: String, hint: String)? {
        guard let target = realpath(path, nil) else {
            return ("the symbolic link is broken or loops (\(String(cString: strerror(errno))))", "remove it or point it at a file")
        }
        defer { free(target) }
        let resolved = String(cString: target)
        guard resolved.hasPrefix(contentRoot + "/") else {
            return ("the symbolic link points outside content/ (to \(resolved))", "copy the file into content/ instead")
        }
        return nil
    }

    /// Every entry below `folder` whose path has no hidden component, as paths relative to `folder`.
    /// Symbolic links to folders are listed, not followed (as a directory enumerator would).
    private static func relativeEntries(of folder: String) -> [(path: String, kind: EntryKind)] {
        var found: [(path: String, kind: EntryKind)] = []
        func collect(_ absolute: String, prefix: String) {
            for (name, kind) in entries(of: absolute) ?? [] where !name.hasPrefix(".") {
                let relative = prefix.isEmpty ? name : prefix + "/" + name
                found.append((relative, kind))
                if kind == .folder { collect(absolute + "/" + name, prefix: relative) }
            }
        }
        collect(folder, prefix: "")
        return found.sorted { $0.path < $1.path }
    }

    private static func walkTypeFolder(
        _ folder: String, type: ContentType, contentRoot: String, sources: inout [SourceFile], assets: inout [ContentAsset],
        diagnostics: inout [Diagnostic]
    ) {
        for (relative, kind) in relativeEntries(of: folder) {
            let path = folder + "/" + relative
            let displayPath = "content/\(type.folder)/\(relative)"
            if kind == .symlink, let problem = symlinkTargetProblem(path, contentRoot: contentRoot) {
                diagnostics.append(.error(SourceLocation(path: displayPath), problem.message, hint: problem.hint))
                continue
            }
            let isMarkdown = relative.hasSuffix(".md")
            if isFolder(kind, at: path) {
                if isMarkdown {
                    diagnostics.append(.error(
                        SourceLocation(path: displayPath), "a folder is named like a content file",
                        hint: "rename the folder; content files are plain files"))
                }
                continue
            }
            guard isRegularFile(kind, at: path) else {
                diagnostics.append(.error(
                    SourceLocation(path: displayPath), FileReading.notRegularMessage,
                    hint: "remove it from content/; only files can be published"))
                continue
            }
            guard isMarkdown else {
                let asset = ContentAsset(contentPath: "\(type.folder)/\(relative)", sourcePath: path, sourceRoot: contentRoot)
                if let problem = asset.nameProblem {
                    diagnostics.append(.error(SourceLocation(path: displayPath), problem, hint: "rename the file"))
                } else {
                    assets.append(asset)
                }
                continue
            }
            guard !relative.utf8.contains(UInt8(ascii: "/")) else {
                diagnostics.append(.error(
                    SourceLocation(path: displayPath), "content files go directly in content/\(type.folder)/",
                    hint: "move it up out of the subfolder"))
                continue
            }
            guard let (name, language) = ContentPath.nameAndLanguage(ofFile: relative) else {
                let stem = relative.dropLast(3).split(separator: ".").first ?? "name"
                diagnostics.append(.error(
                    SourceLocation(path: displayPath), Self.fileNameMessage,
                    hint: "the language goes before .md, e.g. \(stem).fi.md"))
                continue
            }
            sources.append(SourceFile(
                filePath: path, displayPath: displayPath, id: ItemID(type: type, name: name), language: language))
        }
    }
}
