import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Where a build's trees live. `--output` may be a symbolic link (deployments point `output` at the web
/// server's folder): the link is followed and never replaced, and everything happens beside the folder
/// it leads to — the previous tree `.NAME.previous` and the lock `.NAME.lock`.
public struct OutputLocation: Sendable {
    /// The folder readers see, with symbolic links followed (it may not exist yet).
    public let live: URL
    /// The other tree, which a build brings up to date and then exchanges with `live`.
    public let previous: URL
    public let lock: URL

    public init(output: URL) {
        live = Self.following(output.standardizedFileURL)
        let parent = live.deletingLastPathComponent()
        previous = parent.appendingPathComponent(".\(live.lastPathComponent).previous")
        lock = parent.appendingPathComponent(".\(live.lastPathComponent).lock")
    }

    /// Makes `folder` and the folders above it when missing; a failure is a `WriteError` (exit 3).
    static func makeFolder(_ folder: URL) throws {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            let reason = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.localizedDescription
            throw WriteError(path: folder.path, reason: "cannot make the folder (\(reason ?? error.localizedDescription))")
        }
    }

    /// `url` with the symbolic links along it followed, a dangling last one included.
    static func following(_ url: URL) -> URL {
        var path = url.path
        for _ in 0..<40 {
            let parent = (path as NSString).deletingLastPathComponent
            let resolvedParent = URL(fileURLWithPath: parent).resolvingSymlinksInPath().path
            path = (resolvedParent as NSString).appendingPathComponent((path as NSString).lastPathComponent)
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else { break }
            path = destination.hasPrefix("/") ? destination : (resolvedParent as NSString).appendingPathComponent(destination)
            path = URL(fileURLWithPath: path).standardizedFileURL.path
        }
        return URL(fileURLWithPath: path)
    }

    /// Refuses to take over a folder tietopankki did not write: it may be missing, empty, hold only the
    /// repository's `.gitkeep`, or carry the manifest an earlier build left (`OutputManifest.fileName`).
    public func checkOwnership() throws {
        for (folder, role) in [(live, "output folder"), (previous, "previous output beside it")] {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else { continue }
            guard isFolder.boolValue else {
                throw OutputGuard.Refusal(
                    output: folder.path, reason: "it is a file, not a folder",
                    hint: "give --output a folder, or move the file away")
            }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            if names.isEmpty || names == [".gitkeep"] || names.contains(OutputManifest.fileName) { continue }
            let shown = names.prefix(3).joined(separator: ", ") + (names.count > 3 ? ", …" : "")
            throw OutputGuard.Refusal(
                output: folder.path,
                reason: "it was not written by tietopankki (no \(OutputManifest.fileName) in it) and holds \(names.count) entr\(names.count == 1 ? "y" : "ies") (\(shown)); "
                    + "a build replaces the \(role) whole",
                hint: "give --output a new or empty folder; if this one's files may go, empty or remove it first "
                    + "(e.g. rm -r '\(folder.path)') and build again")
        }
    }
}
