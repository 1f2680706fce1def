public import Hummingbird

/// A request context that carries the person a session speaks for.
public protocol PrincipalRequestContext: RequestContext {
    var principal: Principal? { get set }
}

/// Lets a route's request through only for an account holding one of the roles: 401 without a
/// login, 403 with one that holds none of them. Routes say it where they are added.
///
/// ```swift
/// router.restricted(to: [.bookkeeper, .reviewer]).get("ledger/drafts") { … }
/// ```
public struct RoleRequirement<Context: PrincipalRequestContext>: RouterMiddleware {
    public let roles: Set<StaffRole>

    public init(_ roles: Set<StaffRole>) { self.roles = roles }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let principal = context.principal else { throw APIError.loginRequired }
        guard principal.holds(any: roles) else { throw APIError.forbidden(needs: roles) }
        return try await next(request, context)
    }
}

extension RouterMethods where Context: PrincipalRequestContext {
    /// A group of routes open only to accounts holding one of the roles.
    public func restricted(to roles: Set<StaffRole>) -> RouterGroup<Context> {
        group().add(middleware: RoleRequirement<Context>(roles))
    }
}

extension PrincipalRequestContext {
    /// The logged-in person, or 401.
    public func requirePrincipal() throws -> Principal {
        guard let principal else { throw APIError.loginRequired }
        return principal
    }
}

extension APIError {
    /// No session, or an expired one: 401.
    public static let loginRequired = APIError(
        status: .unauthorized, code: "login_required", message: "请先登录（或登录已超时）",
        messageEN: "log in first (or the session has expired)")

    /// The account holds none of the roles the endpoint needs: 403, naming them.
    public static func forbidden(needs roles: Set<StaffRole>) -> APIError {
        let sorted = roles.sorted()
        return APIError(
            status: .forbidden, code: "forbidden",
            message: "无权操作，需要" + sorted.map(\.chineseName).joined(separator: "或") + "账号",
            messageEN: "not allowed: needs a " + sorted.map(\.rawValue).joined(separator: " or ") + " account")
    }
}
