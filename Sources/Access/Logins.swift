public import Storage
public import WebAPI

/// A program's logins in one place: its accounts, its sessions, the middleware that finds a
/// request's person and the routes to log in and out. A program's assembly makes one.
///
/// ```swift
/// let logins = Logins(store: store, policy: .station)
/// router.add(middleware: logins.middleware)
/// logins.routes.addRoutes(to: router.group("api/v1"))
/// ```
public struct Logins: Sendable {
    public let accounts: AccountBook
    public let sessions: SessionBook

    public init(store: Store, policy: LoginPolicy) {
        self.accounts = AccountBook(store: store, policy: policy)
        self.sessions = SessionBook(store: store, policy: policy)
    }

    public var middleware: SessionMiddleware<APIRequestContext> { SessionMiddleware(sessions: sessions) }
    public var routes: SessionRoutes { SessionRoutes(accounts: accounts, sessions: sessions) }
}
