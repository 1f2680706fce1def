import SyncSQLite
import Access
import AccessPostgres
import AccessSQLite
import LedgerPostgres
import NoticesPostgres
public import PostgresStorage
import PricesPostgres
import SyncHTTPPostgres
import SyncPostgres
import TraceabilityPostgres
import VillagesPostgres
import Ledger
import LedgerSQLite
import Notices
import NoticesSQLite
import Prices
import PricesSQLite
public import Storage
public import Sync
public import SyncHTTP
import SyncHTTPSQLite
import Traceability
import TraceabilitySQLite
import Villages
import VillagesSQLite
public import WebAPI

/// The one list of the modules both programs keep data for: their migrations in order, the
/// collections they sync and their endpoints. A station and the county differ in their side
/// (``DomainSite``), never in which domains they hold; a new domain is added here once.
///
/// ```swift
/// let store = try Store.open(at: path, schema: DomainModules.schema)
/// let site = DomainSite.county(store: store, replica: county)
/// for routes in DomainModules.routes(at: site) { routes.addRoutes(to: router.group("api/v1")) }
/// ```
public enum DomainModules {
    /// Every module's migrations, the primitives' first, in the order they run.
    public static let schema = Schema(
        modules: [
            SyncSchema.migrations, SyncHTTPSchema.migrations, VillagesSchema.migrations, PricesSchema.migrations,
            NoticesSchema.migrations, TraceSchema.migrations, LedgerSchema.migrations,
            AccessSchema.migrations,
        ])

    /// Every module's tables on PostgreSQL, for a hub of a city or a province (the county's side
    /// only: a station keeps SQLite).
    public static let postgresSchema = PostgresSchema(
        modules: [
            SyncPostgresSchema.migrations, SyncHTTPPostgresSchema.migrations, VillagesPostgresSchema.migrations,
            PricesPostgresSchema.migrations, NoticesPostgresSchema.migrations, TracePostgresSchema.migrations,
            LedgerPostgresSchema.migrations, AccessPostgresSchema.migrations,
        ])

    /// Every collection synced, by domain.
    public static let collections = VillagesCollections.all + PricesCollections.all + NoticesCollections.all
        + TraceCollections.all + LedgerCollections.all

    /// Each domain's endpoints at a site, and the sync state's; at a hub, its station registry.
    public static func routes(at site: DomainSite, stations: StationRegistry? = nil) -> [any RouteProvider] {
        [
            VillageRoutes(VillageDirectory(store: site.store)), NoticeRoutes(site), PriceRoutes(site),
            TraceRoutes(site) { transaction, code in try transaction.villages.placeName(code: code) }, LedgerRoutes(site),
            SyncStatusRoutes(site, stations: stations),
        ]
    }
}
