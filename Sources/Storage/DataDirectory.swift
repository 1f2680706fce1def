import Foundation

/// The one folder a program keeps its store in (数据目录).
///
/// A program resolves it from its `--data-dir` flag, then its environment variable, then a
/// per-user default, and checks it can really write there before opening anything, so that a
/// read-only disk or a wrong owner is reported in one line at start instead of failing later.
///
/// ```swift
/// let directory = try DataDirectory.prepare(at: "/var/lib/kiosk")
/// let store = try Store.open(in: directory, fileName: "kiosk.sqlite", schema: schema)
/// ```
public struct DataDirectory: Sendable, Equatable {
    /// Absolute path of the folder.
    public let path: String

    /// The default folder for a program: `$XDG_DATA_HOME/<program>`, else `~/.local/share/<program>`.
    public static func defaultPath(for program: String, environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return (xdg as NSString).appendingPathComponent(program)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".local/share/\(program)")
    }

    /// Creates the folder if needed and proves it writable by writing and removing a probe file.
    public static func prepare(at path: String) throws(StorageError) -> DataDirectory {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let files = FileManager.default
        var isFolder: ObjCBool = false
        if files.fileExists(atPath: absolute, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw .dataDirectoryUnusable(path: absolute, reason: "not a directory")
            }
        } else {
            do {
                try files.createDirectory(
                    atPath: absolute, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o750])
            } catch {
                throw .dataDirectoryUnusable(path: absolute, reason: Self.reason(creating: absolute))
            }
        }
        let probe = (absolute as NSString).appendingPathComponent(".write-check")
        guard files.createFile(atPath: probe, contents: Data("ok".utf8)) else {
            throw .dataDirectoryUnusable(path: absolute, reason: "cannot create files there")
        }
        try? files.removeItem(atPath: probe)
        return DataDirectory(path: absolute)
    }

    /// The path of a file inside the folder.
    public func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    /// Why a folder could not be created, told from the nearest part of the path that exists,
    /// because Foundation's own errors say little ("the file doesn't exist").
    private static func reason(creating path: String) -> String {
        var ancestor = URL(fileURLWithPath: path)
        let files = FileManager.default
        while ancestor.path != "/" && !files.fileExists(atPath: ancestor.path) {
            ancestor.deleteLastPathComponent()
        }
        var isFolder: ObjCBool = false
        if files.fileExists(atPath: ancestor.path, isDirectory: &isFolder), !isFolder.boolValue {
            return "\(ancestor.path) is a file, not a folder"
        }
        if access(ancestor.path, W_OK) != 0 {
            return "no permission to write in \(ancestor.path)"
        }
        return "cannot create folders in \(ancestor.path)"
    }
}
