import Foundation

/// A program's OpenAPI document as kept in the repository, read for the operations it lists.
///
/// ```swift
/// let document = try OpenAPIDocument(path: RepositoryPaths.root + "/Kiosk/openapi.json")
/// #expect(document.operations == recorder.routes)
/// ```
public struct OpenAPIDocument: Sendable {
    /// `METHOD /path` of every operation the document describes.
    public let operations: Set<String>
    /// The document's `openapi` version field.
    public let version: String
    /// Who may call each operation (its `x-roles`): `anyone`, `station` (a signed sync request),
    /// or the staff roles that may.
    public let roles: [String: [String]]

    public init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        version = json["openapi"] as? String ?? ""
        let paths = json["paths"] as? [String: [String: Any]] ?? [:]
        let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]
        operations = Set(paths.flatMap { path, item in
            item.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" }
        })
        var roles: [String: [String]] = [:]
        for (path, item) in paths {
            for (method, operation) in item where methods.contains(method) {
                roles["\(method.uppercased()) \(path)"] = (operation as? [String: Any])?["x-roles"] as? [String] ?? []
            }
        }
        self.roles = roles
    }
}

/// Folders of the repository and of the build, found from this file's place.
public enum RepositoryPaths {
    /// The package's root folder.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// A built executable of the package, such as `kiosk`, next to the running test bundle.
    public static func executable(_ name: String) -> String {
        let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bundleFolder.appendingPathComponent(name).path, root + "/.build/debug/\(name)"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }
}
