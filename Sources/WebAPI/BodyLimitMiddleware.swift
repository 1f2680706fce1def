import HTTPTypes
public import Hummingbird

/// A request context whose body size limit a middleware can set.
public protocol BodyLimitedRequestContext: RequestContext {
    var maxUploadSize: Int { get set }
}

/// Refuses request bodies above a size limit before reading them, and makes the same limit
/// apply while a body is collected (for chunked uploads that announce no length).
///
/// ```swift
/// router.add(middleware: BodyLimitMiddleware(limit: 1 << 20))
/// ```
public struct BodyLimitMiddleware<Context: BodyLimitedRequestContext>: RouterMiddleware {
    /// The limit when a program sets none: 2 MiB, enough for a sync batch or a price import.
    public static var defaultLimit: Int { 2 * 1024 * 1024 }

    let limit: Int

    public init(limit: Int = Self.defaultLimit) {
        self.limit = limit
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError.bodyTooLarge(limit: limit)
        }
        var context = context
        context.maxUploadSize = limit
        return try await next(request, context)
    }
}
