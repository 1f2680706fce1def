public import Access
import AccessPostgres
import Domains
import Foundation
public import ServiceRuntime
public import PostgresStorage
public import Storage
public import StoreInterface
import SyncHTTPPostgres
import SyncHTTPSQLite
public import Sync
public import SyncHTTP
public import WebAPI
import Ledger
import Notices
import Prices
import Traceability
import Villages

/// The county program (县级同步服务器): its name, settings, store schema and application.
///
/// ```swift
/// let store = try ServiceLauncher.openStore(SyncServerProgram.self, dataDirectory: "/var/lib/syncserver")
/// ```
public enum SyncServerProgram: ServiceProgram {
    public static let name = "syncserver"
    public static let environmentPrefix = "SYNCSERVER"
    public static let defaultPort = 8090
    public static let loginPolicy = LoginPolicy.county
    public static let storeRole = "county"
    /// A county server commits many stations' pushes together; their dirty index pages must stay
    /// in the writer's cache until the commit, or they are written to the WAL twice.
    public static let writerCacheMegabytes = 64

    /// The modules the county keeps data for, in migration order.
    public static let schema = DomainModules.schema

    /// The same on PostgreSQL: a hub of a city or a province, served by several processes.
    public static let postgresSchema: PostgresSchema? = DomainModules.postgresSchema

    /// Every collection the county syncs.
    public static let collections = DomainModules.collections

    /// The county console in a development checkout: `SyncServer/Console`.
    public static let sourceWebFolder: String? = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../Console").standardizedFileURL.path

    /// A restored county starts a new epoch of its log, so that its stations pull it again.
    public static func prepareRestored(_ store: any TransactionStore) async throws -> String? {
        try await Replica.startLogEpoch(in: store)
        return "县级日志已开始新纪元：各站下次同步时会重新拉取全部数据。Stations pull the county's log again from the start on their next sync."
    }

    /// The county's sync log: its own changes gap-free, nothing received that was not kept.
    public static func consistencyProblems(_ store: any TransactionStore) async throws -> [String] {
        try await Replica(store: store, role: .county, collections: collections).logProblems()
    }

    public static func assemble(settings: ServiceSettings, store: Store, webRoot: String?) throws
        -> SyncServerApplication
    {
        try SyncServerApplication(settings: settings, store: store, webRoot: webRoot)
    }

    public static func assemble(settings: ServiceSettings, store: ProgramStore, webRoot: String?) throws
        -> SyncServerApplication
    {
        try SyncServerApplication(
            settings: settings, store: store.transactions, stations: stations(of: store), health: store.health,
            rateLimits: rateLimits(of: store), webRoot: webRoot)
    }

    /// The sync protocol versions the county accepts, from `SYNCSERVER_OLDEST_PROTOCOL`: by default
    /// the version before this release's and its own; `2` accepts only 2 on; `2 from 2027-06-30`
    /// announces that raise to the stations now (they warn their operators) and makes it on that day.
    public static func protocols(environment: [String: String]) throws(StartupFailure) -> ProtocolSupport {
        guard let setting = environment["SYNCSERVER_OLDEST_PROTOCOL"], !setting.isEmpty else { return ProtocolSupport() }
        guard let support = ProtocolSupport(setting: setting) else {
            throw .invalidSetting(
                "SYNCSERVER_OLDEST_PROTOCOL", rule: "a version from 1 to \(SyncProtocol.version), alone or as \"2 from 2027-06-30\"",
                value: setting)
        }
        return support
    }

    /// How many days of the log the county keeps whole, from `SYNCSERVER_LOG_KEEP_DAYS` (30 by
    /// default): superseded versions logged before them are compacted, and a station whose position
    /// is older takes a snapshot (``LogCompactionService``).
    public static func logKeepDays(environment: [String: String]) throws(StartupFailure) -> Int {
        guard let setting = environment["SYNCSERVER_LOG_KEEP_DAYS"], !setting.isEmpty else { return 30 }
        guard let days = Int(setting), (1...3_650).contains(days) else {
            throw .invalidSetting("SYNCSERVER_LOG_KEEP_DAYS", rule: "a whole number of days from 1 to 3650", value: setting)
        }
        return days
    }

    /// Where a county's rate limits count: its process's memory on SQLite (a county of one process),
    /// the database on PostgreSQL, which every process of the hub shares.
    public static func rateLimits(of store: ProgramStore) -> any RateLimits {
        switch store {
        case .sqlite: InProcessRateLimits()
        case .postgres(let postgres): PostgresRateLimits(postgres)
        }
    }

    /// Where a county store keeps its stations and key, whichever store it is.
    public static func stations(of store: ProgramStore) -> any StationStore {
        switch store {
        case .sqlite(let sqlite): SQLiteStationStore(sqlite)
        case .postgres(let postgres): PostgresStationStore(postgres)
        }
    }
}
