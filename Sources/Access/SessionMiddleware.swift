import HTTPTypes
public import Hummingbird
public import WebAPI
import Foundation

/// Finds the person a request speaks for: its session token, from `Authorization: Bearer …` (API
/// clients) or the `session` cookie (the fronts), becomes the context's ``Principal``. A request
/// without one, or with one that is over, goes on as a villager's; the routes that need a login
/// refuse it there (``RoleRequirement``).
///
/// ```swift
/// router.add(middleware: SessionMiddleware(sessions: SessionBook(store: store, policy: .station)))
/// ```
public struct SessionMiddleware<Context: PrincipalRequestContext>: RouterMiddleware {
    let sessions: SessionBook

    public init(sessions: SessionBook) { self.sessions = sessions }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let token = Self.token(of: request) {
            context.principal = try await sessions.principal(for: token)
        }
        return try await next(request, context)
    }

    /// The session token a request carries, if any.
    static func token(of request: Request) -> String? {
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") {
            let token = authorization.dropFirst("Bearer ".count).trimmingCharacters(in: .whitespaces)
            return token.isEmpty ? nil : token
        }
        for cookie in request.headers[values: .cookie].flatMap({ $0.split(separator: ";") }) {
            let pair = cookie.trimmingCharacters(in: .whitespaces)
            if pair.hasPrefix(SessionRoutes.cookieName + "=") {
                let token = String(pair.dropFirst(SessionRoutes.cookieName.count + 1))
                return token.isEmpty ? nil : token
            }
        }
        return nil
    }
}
