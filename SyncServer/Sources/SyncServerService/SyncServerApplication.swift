public import Access
import Foundation
import AccessSQLite
import Domains
public import Hummingbird
public import Logging
public import ServiceLifecycle
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
public import WebAPI

/// The county program assembled: its store, its modules' endpoints and its console.
///
/// ```swift
/// let county = SyncServerApplication(settings: settings, store: store, webRoot: webRoot)
/// try await county.application(logger: logger).runService()
/// ```
public struct SyncServerApplication: ProgramAssembly {
    public let settings: ServiceSettings
    public let store: any TransactionStore
    /// What `GET /healthz` reports of the store.
    public let health: any StoreHealth
    public let webRoot: String?
    public let logins: Logins
    /// The county's replica: the hub every station syncs with; it signs county-owned records.
    public let replica: Replica
    public let registry: StationRegistry
    /// Where its rate limits count (``SyncServerProgram/rateLimits(of:)``).
    public let rateLimits: any RateLimits
    /// The sync protocol versions it accepts (`SYNCSERVER_OLDEST_PROTOCOL`).
    public let protocols: ProtocolSupport
    /// The days of its log it keeps whole (`SYNCSERVER_LOG_KEEP_DAYS`).
    public let logKeepDays: Int

    /// The county on its SQLite store.
    public init(settings: ServiceSettings, store: Store, webRoot: String? = SyncServerProgram.sourceWebFolder) throws {
        try self.init(settings: settings, store: store, stations: SQLiteStationStore(store), health: store, webRoot: webRoot)
    }

    /// The county on any store: its stations kept by `stations`, its health read from `health`.
    public init(
        settings: ServiceSettings, store: any TransactionStore, stations: any StationStore, health: any StoreHealth,
        rateLimits: any RateLimits = InProcessRateLimits(), webRoot: String? = SyncServerProgram.sourceWebFolder
    ) throws {
        self.settings = settings
        self.rateLimits = rateLimits
        self.store = store
        self.health = health
        self.webRoot = webRoot
        self.logins = Logins(store: store, policy: SyncServerProgram.loginPolicy)
        self.protocols = try SyncServerProgram.protocols(environment: ProcessInfo.processInfo.environment)
        self.logKeepDays = try SyncServerProgram.logKeepDays(environment: ProcessInfo.processInfo.environment)
        self.registry = StationRegistry(store: stations)
        self.replica = try Replica(
            store: store, role: .county, collections: SyncServerProgram.collections,
            signature: try registry.countySignature())
        try replica.writing { [replica] transaction in try ChartPublisher(replica: replica).publishCharts(transaction) }
    }

    /// The log compacted once a day beside the endpoints.
    public func backgroundServices(logger: Logger) -> [any Service] {
        [LogCompactionService(replica: replica, keepingDays: logKeepDays, logger: logger)]
    }

    /// Every endpoint the county serves, by module; the OpenAPI test reads the same list.
    public func addRoutes(to router: some RouterMethods<APIRequestContext>) {
        HealthRoutes(program: SyncServerProgram.name, store: health).addRoutes(to: router)
        let books = LedgerWatch(replica: replica)
        CountySyncRoutes(
            replica: replica, registry: registry, rateLimits: rateLimits, protocols: protocols,
            onPull: { await books.stationPulls($0, reports: $1) }
        ).addRoutes(to: router)
        let api = router.group("api/v1")
        logins.routes.addRoutes(to: api)
        for routes in DomainModules.routes(at: .county(store: store, replica: replica), stations: registry) { routes.addRoutes(to: api) }
        UrgentNoticeRoutes(replica: replica, registry: registry).addRoutes(to: api)
    }
}
