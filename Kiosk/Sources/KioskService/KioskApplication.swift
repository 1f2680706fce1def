public import Access
import AccessSQLite
import Domains
public import Hummingbird
public import Logging
public import ServiceLifecycle
public import ServiceRuntime
public import Storage
import Sync
public import SyncHTTP
import Ledger
import Notices
import Prices
import Traceability
import Villages
public import WebAPI

/// The station program assembled: its store, its modules' endpoints and its touchscreen front.
///
/// ```swift
/// let kiosk = KioskApplication(settings: settings, store: store, webRoot: webRoot)
/// try await kiosk.application(logger: logger).runService()
/// ```
public struct KioskApplication: ProgramAssembly {
    public let settings: ServiceSettings
    public let store: Store
    public let webRoot: String?
    public let logins: Logins
    /// The station's connection to its county, usable once the station is enrolled.
    public let link: StationLink
    /// The listener villagers' phones reach on the station's Wi-Fi, if the station offers one.
    public let phone: PhoneAccess?

    public init(
        settings: ServiceSettings, store: Store, webRoot: String? = KioskProgram.sourceWebFolder, phone: PhoneAccess? = nil
    ) {
        self.settings = settings
        self.store = store
        self.webRoot = webRoot
        self.logins = Logins(store: store, policy: KioskProgram.loginPolicy)
        self.link = KioskProgram.link(store)
        self.phone = phone
    }

    /// Every endpoint the station serves, by module; the OpenAPI test reads the same list.
    public func addRoutes(to router: some RouterMethods<APIRequestContext>) {
        HealthRoutes(program: KioskProgram.name, store: store).addRoutes(to: router)
        let api = router.group("api/v1")
        logins.routes.addRoutes(to: api)
        let site = DomainSite.station(store: store) { [link] in try await link.replica() }
        for routes in DomainModules.routes(at: site) { routes.addRoutes(to: api) }
        StationSyncRoutes(link: link).addRoutes(to: api)
        PhoneRoutes(phone: phone).addRoutes(to: api)
    }

    /// The sync loop, retrying with backoff while the county cannot be reached; and the phones'
    /// listener, serving the same endpoints' reads (``PhoneAccess``).
    public func backgroundServices(logger: Logger) -> [any Service] {
        let phones = phone.map { phone in
            phone.application(settings: settings, webRoot: webRoot, middleware: [logins.middleware], logger: logger) { routes in
                addRoutes(to: routes)
            }
        }
        return [BackgroundSync(link: link, logger: logger)] + (phones.map { [$0] } ?? [])
    }
}
