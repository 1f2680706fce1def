import Synchronization

/// A token bucket per client: `burst` tokens at most, refilled at `perSecond`. What a rate limit
/// counts with: each request (``RateLimitMiddleware``), or each failed attempt to authenticate
/// (the county's sync endpoints).
///
/// ```swift
/// let failures = TokenBuckets(burst: 20, perSecond: 0.2)
/// if let wait = failures.wait(for: address) { throw tooMany(wait) }
/// failures.take(for: address)   // after a failure
/// ```
public final class TokenBuckets: Sendable {
    let burst: Double
    let perSecond: Double
    let now: @Sendable () -> ContinuousClock.Instant
    private let state = Mutex([String: (tokens: Double, at: ContinuousClock.Instant)]())

    public init(
        burst: Int, perSecond: Double, now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.burst = Double(burst)
        self.perSecond = perSecond
        self.now = now
    }

    /// Takes a token of the client's bucket; `nil` if there was one, else the seconds until there is.
    @discardableResult
    public func take(for client: String) -> Int? { spend(client, taking: true) }

    /// The seconds until the client's bucket has a token, or `nil` if it has one now; takes none.
    public func wait(for client: String) -> Int? { spend(client, taking: false) }

    private func spend(_ client: String, taking: Bool) -> Int? {
        let instant = now()
        return state.withLock { buckets in
            if buckets.count > 10_000 {
                buckets = buckets.filter { instant - $0.value.at < .seconds(600) }
            }
            var bucket = buckets[client] ?? (burst, instant)
            let elapsed = instant - bucket.at
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket = (min(burst, bucket.tokens + seconds * perSecond), instant)
            defer { buckets[client] = bucket }
            guard bucket.tokens >= 1 else { return max(1, Int(((1 - bucket.tokens) / perSecond).rounded(.up))) }
            if taking { bucket.tokens -= 1 }
            return nil
        }
    }
}
