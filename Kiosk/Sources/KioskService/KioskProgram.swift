public import Access
import Domains
import Foundation
public import ServiceRuntime
public import Storage
public import StoreInterface
public import Sync
public import SyncHTTP
import SyncHTTPSQLite
import Ledger
import Notices
import Prices
import Traceability
import Villages

/// The station program (信息服务站终端): its name, settings, store schema and application.
///
/// ```swift
/// let store = try ServiceLauncher.openStore(KioskProgram.self, dataDirectory: "/var/lib/kiosk")
/// ```
public enum KioskProgram: ServiceProgram {
    public static let name = "kiosk"
    public static let environmentPrefix = "KIOSK"
    public static let defaultPort = 8080
    public static let loginPolicy = LoginPolicy.station
    public static let storeRole = "kiosk"

    /// The modules the station keeps data for, in migration order: the county's.
    public static let schema = DomainModules.schema

    /// Every collection the station syncs.
    public static let collections = DomainModules.collections

    /// The station's link to its county, with what it reports of its own books at every pull.
    public static func link(_ store: Store) -> StationLink {
        StationLink(store: store, collections: collections, reporters: [LedgerWatch.report])
    }

    /// The touchscreen front in a development checkout: `Kiosk/Web`.
    public static let sourceWebFolder: String? = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../Web").standardizedFileURL.path

    /// The phones' listener comes from the environment (``PhoneAccess``).
    public static func assemble(settings: ServiceSettings, store: Store, webRoot: String?) throws -> KioskApplication {
        KioskApplication(
            settings: settings, store: store, webRoot: webRoot, phone: try PhoneAccess(environment: ProcessInfo.processInfo.environment))
    }

    /// The sync log of an enrolled station.
    public static func consistencyProblems(_ store: any TransactionStore) async throws -> [String] {
        guard let store = store as? Store else { return [] }  // a station's store is always SQLite
        return try await link(store).replica()?.logProblems() ?? []
    }

    /// A restored station speaks as a new origin and enrolls again (``StationRestore``).
    public static func prepareRestored(_ store: any TransactionStore) async throws -> String? {
        guard let store = store as? Store else { return nil }  // a station's store is always SQLite
        let handed = try await StationRestore.prepare(store)
        return """
            本站以新身份同步，请向县级管理员索取新的一次性注册码后运行 kiosk enroll。
            The station syncs under a new origin (\(handed) unsynced changes carried over): ask the county \
            for a new one-time code (syncserver station add), run kiosk enroll, and revoke the old station.
            """
    }
}
