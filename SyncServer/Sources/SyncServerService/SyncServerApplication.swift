public import Access
import AccessSQLite
import Domains
public import Hummingbird
public import ServiceRuntime
public import Storage
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
    public let store: Store
    public let webRoot: String?
    public let logins: Logins
    /// The county's replica: the hub every station syncs with; it signs county-owned records.
    public let replica: Replica
    public let registry: StationRegistry

    public init(settings: ServiceSettings, store: Store, webRoot: String? = SyncServerProgram.sourceWebFolder) throws {
        self.settings = settings
        self.store = store
        self.webRoot = webRoot
        self.logins = Logins(store: store, policy: SyncServerProgram.loginPolicy)
        self.registry = StationRegistry(store: store)
        self.replica = try Replica(
            store: store, role: .county, collections: SyncServerProgram.collections,
            signature: try registry.countySignature())
        try replica.writing { [replica] transaction in try ChartPublisher(replica: replica).publishCharts(transaction) }
    }

    /// Every endpoint the county serves, by module; the OpenAPI test reads the same list.
    public func addRoutes(to router: some RouterMethods<APIRequestContext>) {
        HealthRoutes(program: SyncServerProgram.name, store: store).addRoutes(to: router)
        let books = LedgerWatch(replica: replica)
        CountySyncRoutes(
            replica: replica, registry: registry, onPull: { await books.stationPulls($0, reports: $1) }
        ).addRoutes(to: router)
        let api = router.group("api/v1")
        logins.routes.addRoutes(to: api)
        for routes in DomainModules.routes(at: .county(store: store, replica: replica)) { routes.addRoutes(to: api) }
        UrgentNoticeRoutes(replica: replica, registry: registry).addRoutes(to: api)
    }
}
