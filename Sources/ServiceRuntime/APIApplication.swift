public import Hummingbird
public import NIOCore
public import Logging
import Storage
public import WebAPI

/// The router and the application both programs are built from.
///
/// The router carries request ids, security headers, request logging, JSON errors, a rate limit per client address
/// (120 at once, 20 a second; signed sync requests apart), the body size limit and, where a
/// program has one, its web front's static files. The order matters: the request id is set before
/// anything logs, and errors become JSON outside the file middleware, so that a path no route
/// knows still reaches the web front first.
///
/// ```swift
/// let router = APIApplication.router(settings: settings, webRoot: webRoot)
/// VillageRoutes(store: store).addRoutes(to: router.group("api/v1"))
/// let app = APIApplication.make(router: router, settings: settings, logger: logger)
/// ```
public enum APIApplication {
    /// A router with the middleware every endpoint goes through; its request limit counted in
    /// `rateLimits` (this process's memory unless a hub's processes share them).
    public static func router(
        settings: ServiceSettings, webRoot: String?, rateLimits: any RateLimits = InProcessRateLimits()
    ) -> Router<APIRequestContext> {
        let router = Router(context: APIRequestContext.self)
        // The idle check's answer (SyncHTTP's `IdleCheck.path`) is a few bytes counted on GPRS: its
        // id stays in the log only.
        router.add(middleware: RequestIDMiddleware(quietOn: ["/sync/v2/check"]))
        router.add(middleware: SecurityHeadersMiddleware(exempting: ["/sync/"]))
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: APIErrorMiddleware { Store.isDiskFull($0) ? .storageFull : nil })
        router.add(
            middleware: RateLimitMiddleware(buckets: rateLimits.buckets("requests", burst: 120, perSecond: 20), exempting: ["/sync/"]))
        router.add(middleware: BodyLimitMiddleware(limit: settings.maxBodyBytes))
        router.add(middleware: NullCharacterMiddleware())
        if let webRoot {
            router.add(middleware: FileMiddleware(webRoot, searchForIndexHtml: true))
        }
        return router
    }

    /// How long a connection may stay silent: between requests, or in the middle of one's headers
    /// or body. A client that stops sending is cut here, so a request waits on no body that will
    /// not come; a slow link's upload, whose bytes keep coming, is not.
    public static let idleTimeout = TimeAmount.seconds(60)

    /// An application serving the router on the settings' host and port.
    ///
    /// Once listening it logs `listening on http://HOST:PORT` (the real port when 0 was asked; a
    /// second listener of the program names itself first: `phones: listening on …`) and calls
    /// `onListening` with the port.
    public static func make(
        router: Router<APIRequestContext>, settings: ServiceSettings, logger: Logger, listener: String? = nil,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: idleTimeout)),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: settings.program),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? settings.port
                logger.notice("\(listener.map { "\($0): " } ?? "")listening on http://\(settings.host):\(port)")
                await onListening(port)
            },
            logger: logger)
    }
}
