public import Foundation
public import Hummingbird
public import WebAPI

/// `GET /healthz`: whether the program can read its store, and which schema version it is at.
///
/// ```swift
/// HealthRoutes(program: "kiosk", store: store).addRoutes(to: router)
/// // {"status":"ok","program":"kiosk","version":"0.1.0","schema_version":3,…}
/// ```
public struct HealthRoutes: RouteProvider {
    let program: String
    let store: any StoreHealth
    let startedAt: Date

    public init(program: String, store: any StoreHealth, startedAt: Date = Date()) {
        self.program = program
        self.store = store
        self.startedAt = startedAt
    }

    /// The health report.
    public struct Health: Codable, Sendable, Equatable {
        public let status: String
        public let program: String
        public let version: String
        public let schemaVersion: Int
        public let latestMigration: String?
        public let replicaID: String
        public let role: String
        public let startedAt: Date
        public let now: Date

        enum CodingKeys: String, CodingKey {
            case status, program, version, schemaVersion, latestMigration, role, startedAt, now
            case replicaID = "replicaId"
        }
    }

    public func addRoutes(to router: some RouterMethods<APIRequestContext>) {
        router.get("healthz") { _, _ in
            try JSONResponse(report())
        }
    }

    func report() throws -> Health {
        let applied: Int
        do {
            applied = try store.schemaVersion()
        } catch {
            throw APIError(
                status: .serviceUnavailable, code: "store_unavailable",
                message: "数据库暂时无法读取", messageEN: "the store cannot be read: \(error)")
        }
        return Health(
            status: "ok", program: program, version: BuildInfo.version, schemaVersion: applied,
            latestMigration: store.latestMigration, replicaID: store.replicaID, role: store.role, startedAt: startedAt, now: Date())
    }
}
