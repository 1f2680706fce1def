import Foundation
import HTTPTypes
public import Hummingbird
public import WebAPI

/// Logging in and out: `POST session` with a login and a PIN or password opens a session (its
/// token in the body for API clients, and in an `HttpOnly` cookie for the fronts); `GET session`
/// names the person; `DELETE session` ends it.
///
/// ```swift
/// SessionRoutes(accounts: accounts, sessions: sessions).addRoutes(to: router.group("api/v1"))
/// ```
public struct SessionRoutes: RouteProvider {
    /// The cookie the fronts' session travels in.
    public static let cookieName = "session"

    let accounts: AccountBook
    let sessions: SessionBook

    public init(accounts: AccountBook, sessions: SessionBook) {
        self.accounts = accounts
        self.sessions = sessions
    }

    struct Login: Decodable {
        let login: String
        let secret: String
    }

    /// A session as the client sees it.
    struct Opened: Encodable, Sendable {
        let token: String?
        let login: String
        let name: String
        let roles: [StaffRole]
        let idleTimeoutSeconds: Int
    }

    public func addRoutes(to router: some RouterMethods<APIRequestContext>) {
        router.post("session") { request, context in
            let body = try await request.decodeJSON(as: Login.self, context: context)
            let account: Account
            do {
                account = try await accounts.authenticate(login: body.login, secret: body.secret)
            } catch let error as AccountError {
                throw error.apiError()
            }
            let token = try await sessions.open(for: account)
            var response = try JSONResponse(opened(account.principal, token: token), status: .created)
                .response(from: request, context: context)
            response.headers[.setCookie] = "\(Self.cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict" + Self.secure(request)
            return response
        }
        router.get("session") { _, context in
            JSONResponse(opened(try context.requirePrincipal(), token: nil))
        }
        router.delete("session") { request, _ in
            if let token = SessionMiddleware<APIRequestContext>.token(of: request) { try await sessions.close(token) }
            var response = Response(status: .noContent)
            response.headers[.setCookie] = "\(Self.cookieName)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" + Self.secure(request)
            return response
        }
    }

    /// `; Secure` for a request that came through TLS: the county's proxy says so in
    /// `X-Forwarded-Proto`, and the browser then sends the cookie over HTTPS only.
    static func secure(_ request: Request) -> String {
        request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https" ? "; Secure" : ""
    }

    func opened(_ person: Principal, token: String?) -> Opened {
        Opened(
            token: token, login: person.login, name: person.name, roles: person.roles.sorted(),
            idleTimeoutSeconds: Int(sessions.policy.idleTimeout))
    }
}
