import Foundation

/// A site folder in a fresh temporary directory, removed on `remove()`. Tests write content into it
/// file by file or copy a fixture site into it.
public struct TemporarySite {
    public let root: URL

    public init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("tietopankki-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// A temporary site holding a copy of `Tests/Fixtures/sites/<name>` and the repository's default theme.
    public static func copyOfFixture(_ name: String) throws -> TemporarySite {
        let site = try TemporarySite()
        try site.copyTree(from: Repository.fixtures.appendingPathComponent("sites/\(name)"), to: "")
        try site.copyTree(from: Repository.root.appendingPathComponent("themes"), to: "themes")
        return site
    }

    public func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// Writes a text file, creating folders as needed.
    public func write(_ relative: String, _ text: String) throws {
        try write(relative, Data(text.utf8))
    }

    public func write(_ relative: String, _ data: Data) throws {
        let file = url(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    /// Copies every file below `source` into `relative` inside the site, replacing files of the same name.
    public func copyTree(from source: URL, to relative: String) throws {
        let fileManager = FileManager.default
        guard let enumerator = fileManager.enumerator(atPath: source.path) else { return }
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let from = source.appendingPathComponent(path)
            _ = fileManager.fileExists(atPath: from.path, isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            let to = relative.isEmpty ? url(path) : url(relative).appendingPathComponent(path)
            try fileManager.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            if fileManager.fileExists(atPath: to.path) { try fileManager.removeItem(at: to) }
            try fileManager.copyItem(at: from, to: to)
        }
    }

    public func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// Where the repository and its fixtures are, found from this source file's path.
public enum Repository {
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    public static var fixtures: URL { root.appendingPathComponent("Tests/Fixtures") }
}

/// Reads every regular file below `root` into a map from relative path to bytes, without the build's
/// manifest (`.tietopankki-manifest`, which records inodes and times, not site content).
public func readTree(_ root: URL) -> [String: Data] {
    var files: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return files }
    while let path = enumerator.nextObject() as? String {
        if path == ".tietopankki-manifest" { continue }
        var isDirectory: ObjCBool = false
        let url = root.appendingPathComponent(path)
        _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if !isDirectory.boolValue, let data = FileManager.default.contents(atPath: url.path) { files[path] = data }
    }
    return files
}
