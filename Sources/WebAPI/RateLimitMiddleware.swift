import Foundation
import HTTPTypes
public import Hummingbird
public import NIOCore

/// A request context that knows the client's address.
public protocol AddressedRequestContext: RequestContext {
    var remoteAddress: SocketAddress? { get }
}

/// Limits the requests of each client address with a token bucket: `burst` at once, refilled at
/// `perSecond`; past it, a JSON 429 that says when to come back. Paths under an exempt prefix are
/// not counted (signed sync requests, which many stations behind one carrier address send).
///
/// A kiosk is on a public network much of the day; one client looping on the API must not take
/// the station from the villagers at its screen, nor the county from the other stations.
///
/// A request from the machine itself is the station's own screen, and is not counted, unless it
/// carries `X-Forwarded-For`: then it came through the TLS proxy in front of the county, and the
/// client is the address the proxy names.
///
/// The buckets are this process's, or, on a hub of several processes, the database's
/// (``RateLimits``): a client is counted once however its requests are spread.
///
/// ```swift
/// router.add(middleware: RateLimitMiddleware(burst: 120, perSecond: 20, exempting: ["/sync/"]))
/// ```
public struct RateLimitMiddleware<Context: AddressedRequestContext>: RouterMiddleware {
    let exempt: [String]
    let buckets: any RateBuckets

    public init(
        burst: Int, perSecond: Double, exempting exempt: [String] = [],
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.init(buckets: TokenBuckets(burst: burst, perSecond: perSecond, now: now), exempting: exempt)
    }

    /// A limit counted in the given buckets.
    public init(buckets: any RateBuckets, exempting exempt: [String] = []) {
        self.exempt = exempt
        self.buckets = buckets
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        guard !exempt.contains(where: { path.hasPrefix($0) }) else { return try await next(request, context) }
        guard let client = Self.client(of: request, at: context.remoteAddress) else { return try await next(request, context) }
        if let wait = try await buckets.take(for: client) {
            throw APIError.rateLimited(client: client, wait: wait)
        }
        return try await next(request, context)
    }

    /// The address a request is counted under, or `nil` for the machine's own screen.
    ///
    /// Behind the county's proxy the client is the address the proxy itself added, the last of
    /// `X-Forwarded-For`: the ones before it are whatever the client chose to send.
    public static func client(of request: Request, at address: SocketAddress?) -> String? {
        guard let ip = address?.ipAddress else { return "unknown" }
        guard ip == "127.0.0.1" || ip == "::1" else { return ip }
        let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!]?.split(separator: ",").last
        return forwarded.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

extension APIError {
    /// Too many requests (or failed attempts) from one client; come back in `wait` seconds.
    public static func rateLimited(client: String, wait: Int) -> APIError {
        APIError(
            status: .tooManyRequests, code: "rate_limited", message: "请求过于频繁，请 \(wait) 秒后再试",
            messageEN: "too many requests from \(client); try again in \(wait) s")
    }
}

extension APIRequestContext: AddressedRequestContext {}
