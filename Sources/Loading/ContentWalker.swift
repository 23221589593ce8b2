import Foundation
import Model

#if canImport(Glibc)
import Glibc
#endif

/// Lists the files under `content/`: Markdown items named `NAME.LANG.md` directly in a type folder, and
/// assets (anything else) anywhere below a type folder. Misplaced or misnamed files are reported.
enum ContentWalker {
    struct SourceFile: Sendable {
        var url: URL
        var displayPath: String
        var id: ItemID
        var language: Language
    }

    static func walk(contentDirectory: URL) -> ([SourceFile], [ContentAsset], [Diagnostic]) {
        let fileManager = FileManager.default
        var sources: [SourceFile] = []
        var assets: [ContentAsset] = []
        var diagnostics: [Diagnostic] = []
        let topLevel = (try? fileManager.contentsOfDirectory(atPath: contentDirectory.path)) ?? []
        let folders = ContentType.allCases.map(\.folder)
        for name in topLevel.sorted() where !name.hasPrefix(".") {
            let url = contentDirectory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            _ = fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if !isDirectory.boolValue {
                if name.hasSuffix(".md") {
                    diagnostics.append(.error(
                        SourceLocation(path: "content/\(name)"), "a content file must be inside a type folder",
                        hint: "move it into one of: \(folders.joined(separator: ", "))"))
                } else if !ContentLoader.settingsFiles.contains(name) {
                    diagnostics.append(.warning(SourceLocation(path: "content/\(name)"), "unknown settings file, ignored"))
                }
                continue
            }
            guard let type = ContentType(folder: name) else {
                let hint = Suggestion.nearest(to: name, among: folders).map { "did you mean '\($0)'?" }
                    ?? "content folders are: \(folders.joined(separator: ", "))"
                diagnostics.append(.error(SourceLocation(path: "content/\(name)"), "unknown content folder '\(name)'", hint: hint))
                continue
            }
            walkTypeFolder(url, type: type, sources: &sources, assets: &assets, diagnostics: &diagnostics)
        }
        return (sources, assets, diagnostics)
    }

    /// A symbolic link must lead to an existing file inside `content/`; a loop, a dangling link or a link
    /// out of the content folder (which could publish any file of the machine) is an error.
    static func symlinkProblem(_ url: URL, contentRoot: String) -> (message: String, hint: String)? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              attributes[.type] as? FileAttributeType == .typeSymbolicLink
        else { return nil }
        guard let target = realpath(url.path, nil) else {
            return ("the symbolic link is broken or loops (\(String(cString: strerror(errno))))", "remove it or point it at a file")
        }
        defer { free(target) }
        let resolved = String(cString: target)
        guard resolved.hasPrefix(contentRoot + "/") else {
            return ("the symbolic link points outside content/ (to \(resolved))", "copy the file into content/ instead")
        }
        return nil
    }

    private static func walkTypeFolder(
        _ folder: URL, type: ContentType, sources: inout [SourceFile], assets: inout [ContentAsset],
        diagnostics: inout [Diagnostic]
    ) {
        let fileManager = FileManager.default
        guard let enumerator = fileManager.enumerator(atPath: folder.path) else { return }
        var relativePaths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            relativePaths.append(relative)
        }
        let contentRoot = folder.deletingLastPathComponent().resolvingSymlinksInPath().path
        for relative in relativePaths.sorted() {
            let url = folder.appendingPathComponent(relative)
            let displayPath = "content/\(type.folder)/\(relative)"
            if let problem = symlinkProblem(url, contentRoot: contentRoot) {
                diagnostics.append(.error(SourceLocation(path: displayPath), problem.message, hint: problem.hint))
                continue
            }
            var isDirectory: ObjCBool = false
            _ = fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory)
            let isMarkdown = relative.hasSuffix(".md")
            if isDirectory.boolValue {
                if isMarkdown {
                    diagnostics.append(.error(
                        SourceLocation(path: displayPath), "a folder is named like a content file",
                        hint: "rename the folder; content files are plain files"))
                }
                continue
            }
            guard isMarkdown else {
                assets.append(ContentAsset(contentPath: "\(type.folder)/\(relative)", sourcePath: url.path))
                continue
            }
            guard !relative.contains("/") else {
                diagnostics.append(.error(
                    SourceLocation(path: displayPath), "content files go directly in content/\(type.folder)/",
                    hint: "move it up out of the subfolder"))
                continue
            }
            let parts = relative.dropLast(3).split(separator: ".")
            guard parts.count == 2, let language = Language(rawValue: String(parts[1])), !parts[0].isEmpty else {
                diagnostics.append(.error(
                    SourceLocation(path: displayPath), "a content file must be named NAME.fi.md or NAME.sv.md",
                    hint: "the language goes before .md, e.g. \(parts.first ?? "name").fi.md"))
                continue
            }
            sources.append(SourceFile(
                url: url, displayPath: displayPath, id: ItemID(type: type, name: String(parts[0])), language: language))
        }
    }
}
