import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

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
/// ```swift
/// router.add(middleware: RateLimitMiddleware(burst: 120, perSecond: 20, exempting: ["/sync/"]))
/// ```
public struct RateLimitMiddleware<Context: AddressedRequestContext>: RouterMiddleware {
    let burst: Double
    let perSecond: Double
    let exempt: [String]
    let buckets: Buckets
    let now: @Sendable () -> ContinuousClock.Instant

    /// The addresses' buckets, pruned of the idle ones when there are many.
    final class Buckets: Sendable {
        let state = Mutex([String: (tokens: Double, at: ContinuousClock.Instant)]())
    }

    public init(
        burst: Int, perSecond: Double, exempting exempt: [String] = [],
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.burst = Double(burst)
        self.perSecond = perSecond
        self.exempt = exempt
        self.buckets = Buckets()
        self.now = now
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        guard !exempt.contains(where: { path.hasPrefix($0) }) else { return try await next(request, context) }
        guard let client = Self.client(of: request, at: context.remoteAddress) else { return try await next(request, context) }
        if let wait = take(for: client) {
            throw APIError(
                status: .tooManyRequests, code: "rate_limited", message: "请求过于频繁，请 \(wait) 秒后再试",
                messageEN: "too many requests from \(client); try again in \(wait) s")
        }
        return try await next(request, context)
    }

    /// The address a request is counted under, or `nil` for the machine's own screen.
    static func client(of request: Request, at address: SocketAddress?) -> String? {
        guard let ip = address?.ipAddress else { return "unknown" }
        guard ip == "127.0.0.1" || ip == "::1" else { return ip }
        let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!]?.split(separator: ",").first
        return forwarded.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Takes a token of the client's bucket; `nil` if there was one, else the seconds until there is.
    func take(for client: String) -> Int? {
        let instant = now()
        return buckets.state.withLock { buckets in
            if buckets.count > 10_000 {
                buckets = buckets.filter { instant - $0.value.at < .seconds(600) }
            }
            var bucket = buckets[client] ?? (burst, instant)
            let elapsed = instant - bucket.at
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket = (min(burst, bucket.tokens + seconds * perSecond), instant)
            defer { buckets[client] = bucket }
            guard bucket.tokens >= 1 else { return max(1, Int(((1 - bucket.tokens) / perSecond).rounded(.up))) }
            bucket.tokens -= 1
            return nil
        }
    }
}

extension APIRequestContext: AddressedRequestContext {}
