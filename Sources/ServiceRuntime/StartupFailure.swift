import Foundation
import NIOCore
public import PostgresStorage
public import Storage

/// Why a program could not start, said in one line an operator can act on.
///
/// ```swift
/// throw StartupFailure.addressInUse(host: "127.0.0.1", port: 8080)
/// // kiosk: 端口 8080 已被占用 — 127.0.0.1:8080 is already in use; stop the other program or pick another --port
/// ```
public enum StartupFailure: Error, Sendable, Equatable {
    case invalidSetting(String, rule: String, value: String)
    case storage(StorageError)
    /// The hub's PostgreSQL database cannot be used (its address, the server, its login, its sort order).
    case database(PostgresStoreError)
    /// The program keeps its data in SQLite only (a station).
    case databaseNotServed
    case addressInUse(host: String, port: Int)
    case cannotListen(host: String, port: Int, reason: String)

    /// The one line printed to standard error, in Chinese then English.
    public func line(program: String) -> String {
        switch self {
        case .invalidSetting(let name, let rule, let value):
            "\(program): 设置 \(name) 的值 \"\(value)\" 无效 — setting \(name) must be \(rule), got \"\(value)\""
        case .storage(let error):
            "\(program): \(error.message) — \(error.messageEN)"
        case .database(let error):
            "\(program): \(error.message) — \(error.messageEN)"
        case .databaseNotServed:
            "\(program): 信息站的数据只存在本机 SQLite 中，不能用 --database — a station keeps its data in SQLite only; remove --database"
        case .addressInUse(let host, let port):
            "\(program): 端口 \(port) 已被占用 — \(host):\(port) is already in use; stop the other program or pick another --port"
        case .cannotListen(let host, let port, let reason):
            "\(program): 无法在 \(host):\(port) 上监听 — cannot listen on \(host):\(port): \(reason)"
        }
    }

    /// The failure a server error at start-up means, if it is one an operator can fix.
    static func listening(_ error: any Error, host: String, port: Int) -> StartupFailure? {
        if let io = error as? IOError {
            if io.errnoCode == EADDRINUSE { return .addressInUse(host: host, port: port) }
            return .cannotListen(host: host, port: port, reason: String(cString: strerror(io.errnoCode)))
        }
        if error is SocketAddressError {
            return .cannotListen(host: host, port: port, reason: "unknown host")
        }
        return nil
    }
}
