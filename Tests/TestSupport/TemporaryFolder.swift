import Foundation

/// A fresh folder under the system's temporary directory, removed when the value is released.
///
/// ```swift
/// let folder = try TemporaryFolder()
/// let store = try Store.open(path: folder.file("test.sqlite"), role: "kiosk", schema: schema)
/// ```
public final class TemporaryFolder: Sendable {
    public let path: String

    /// - Parameter inMemory: put the folder on a memory file system (`/dev/shm`) where one exists, for
    ///   tests that open many stores and would otherwise wait on the disk's flushes.
    public init(inMemory: Bool = false) throws {
        var base = FileManager.default.temporaryDirectory
        if inMemory, FileManager.default.isWritableFile(atPath: "/dev/shm") {
            base = URL(fileURLWithPath: "/dev/shm")
        }
        let url = base.appendingPathComponent("village-station-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    /// A path inside the folder.
    public func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
