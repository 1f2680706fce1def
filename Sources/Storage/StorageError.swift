/// Why a store could not be opened or changed, in words an operator can act on.
///
/// ```swift
/// do { _ = try DataDirectory.prepare(at: path) }
/// catch { print(error.messageEN) }   // "data directory /x cannot be used: permission denied"
/// ```
public enum StorageError: Error, Sendable, Equatable {
    /// The data directory (数据目录) is missing and cannot be created, or cannot be written.
    case dataDirectoryUnusable(path: String, reason: String)
    /// The database file exists but cannot be opened or migrated.
    case storeUnusable(path: String, reason: String)

    /// The message in Chinese, for the person at the station or the county console.
    public var message: String {
        switch self {
        case .dataDirectoryUnusable(let path, let reason):
            "数据目录 \(path) 无法使用（\(reason)）：请检查路径和写入权限"
        case .storeUnusable(let path, let reason):
            "数据库 \(path) 无法打开（\(reason)）"
        }
    }

    /// The message in English, for logs and administrators.
    public var messageEN: String {
        switch self {
        case .dataDirectoryUnusable(let path, let reason):
            "data directory \(path) cannot be used: \(reason); check the path and its write permission"
        case .storeUnusable(let path, let reason):
            "database \(path) cannot be opened: \(reason)"
        }
    }
}
