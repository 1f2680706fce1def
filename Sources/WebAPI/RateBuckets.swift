/// A rate limit's buckets, one a client, wherever they are kept: in this process's memory
/// (``TokenBuckets``), or in a hub's database, where every process of the hub counts a client in
/// the same bucket, so that spreading requests over the processes gains nothing.
///
/// ```swift
/// let failures = rateLimits.buckets("sync-auth-failures", burst: 30, perSecond: 0.5)
/// if let wait = try await failures.wait(for: address) { throw APIError.rateLimited(client: address, wait: wait) }
/// ```
public protocol RateBuckets: Sendable {
    /// Takes a token of the client's bucket; `nil` if there was one, else the seconds until there is.
    @discardableResult
    func take(for client: String) async throws -> Int?
    /// The seconds until the client's bucket has a token, or `nil` if it has one now; takes none.
    func wait(for client: String) async throws -> Int?
}

/// Where a program keeps its rate limits' buckets: in its own memory (``InProcessRateLimits``), or
/// in the database its processes share.
///
/// ```swift
/// let requests = rateLimits.buckets("requests", burst: 120, perSecond: 20)
/// ```
public protocol RateLimits: Sendable {
    /// The buckets of the limit `name`: `burst` tokens at most, refilled at `perSecond`.
    func buckets(_ name: String, burst: Int, perSecond: Double) -> any RateBuckets
}

/// Buckets in this process's memory: a station's, or a county that is one process.
///
/// ```swift
/// let router = APIApplication.router(settings: settings, webRoot: nil, rateLimits: InProcessRateLimits())
/// ```
public struct InProcessRateLimits: RateLimits {
    public init() {}

    public func buckets(_ name: String, burst: Int, perSecond: Double) -> any RateBuckets {
        TokenBuckets(burst: burst, perSecond: perSecond)
    }
}

extension TokenBuckets: RateBuckets {}
