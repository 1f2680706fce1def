public import StoreInterface
public import WebAPI

/// A program's logins in one place: its accounts, its sessions, the middleware that finds a
/// request's person and the routes to log in and out. A program's assembly makes one.
///
/// ```swift
/// let logins = Logins(store: store, policy: .station)
/// router.add(middleware: logins.middleware)
/// router.add(middleware: logins.idempotency)
/// logins.routes.addRoutes(to: router.group("api/v1"))
/// ```
public struct Logins: Sendable {
    public let accounts: AccountBook
    public let sessions: SessionBook
    /// The answers of creating requests, so that a repeat with the same key creates nothing twice.
    public let answers: StoredAnswers

    public init(store: any TransactionStore, policy: LoginPolicy) {
        self.accounts = AccountBook(store: store, policy: policy)
        self.sessions = SessionBook(store: store, policy: policy)
        self.answers = StoredAnswers(store: store)
    }

    public var middleware: SessionMiddleware<APIRequestContext> { SessionMiddleware(sessions: sessions) }
    /// After ``middleware``, so that a key is kept per account.
    public var idempotency: IdempotencyMiddleware<APIRequestContext> { IdempotencyMiddleware(answers: answers) }
    public var routes: SessionRoutes { SessionRoutes(accounts: accounts, sessions: sessions) }
}
