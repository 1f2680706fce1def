import Foundation
public import PostgresStorage
import Synchronization
public import WebAPI

/// Rate limits counted in the hub's database (``AccessPostgresSchema``'s `access_rate_bucket`), so
/// that every process of a hub counts a client in the same bucket: a client spreading its
/// requests, or its guesses at a station's signature, over the processes behind a balancer gains
/// nothing. A bucket is one row, refilled and spent by one statement outside the write lock
/// (``PostgresStore/writingApart(_:)``), by the database's clock, which every process shares.
///
/// ```swift
/// let county = try SyncServerApplication(…, rateLimits: PostgresRateLimits(store))
/// ```
public struct PostgresRateLimits: RateLimits {
    let store: PostgresStore

    public init(_ store: PostgresStore) { self.store = store }

    public func buckets(_ name: String, burst: Int, perSecond: Double) -> any RateBuckets {
        PostgresTokenBuckets(store: store, name: name, burst: burst, perSecond: perSecond)
    }
}

/// One rate limit's buckets in the hub's database.
final class PostgresTokenBuckets: RateBuckets {
    let store: PostgresStore
    let name: String
    let burst: Int
    let perSecond: Double
    /// Spends since buckets untouched for ten minutes were last cleared away, in this process.
    private let spends = Atomic<Int>(0)

    init(store: PostgresStore, name: String, burst: Int, perSecond: Double) {
        self.store = store
        self.name = name
        self.burst = burst
        self.perSecond = perSecond
    }

    func take(for client: String) async throws -> Int? { try await spend(client, taking: true) }

    func wait(for client: String) async throws -> Int? { try await spend(client, taking: false) }

    private func spend(_ client: String, taking: Bool) async throws -> Int? {
        let clearing = spends.wrappingAdd(1, ordering: .relaxed).newValue % 1_000 == 0
        let (tokens, allowed) = try await store.writingApart { [name, burst, perSecond] db in
            if clearing { try db.execute("DELETE FROM access_rate_bucket WHERE at < clock_timestamp() - interval '10 minutes'") }
            let row = try db.row(Self.spend, name, client, burst, perSecond, taking ? 1 : 0)
            return (row?.real(at: 0) ?? Double(burst), (row?.integer(at: 1) ?? 1) != 0)
        }
        guard !allowed else { return nil }
        return max(1, Int(((1 - tokens) / perSecond).rounded(.up)))
    }

    /// The bucket refilled for the time since it was last spent, up to the burst. Arguments: name,
    /// client, burst, per second, whether to take a token (1) or only look (0).
    private static let refilled = """
        LEAST($3::float8, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM clock_timestamp() - b.at)) * $4::float8)
        """

    /// Refills a client's bucket and, when it holds a token and one is taken, takes it: one
    /// statement, so that two processes spending at once each see the other's spend. The answer:
    /// the tokens left, and whether the bucket held a token.
    private static let spend = """
        INSERT INTO access_rate_bucket AS b (name, client, tokens, at, allowed)
        VALUES ($1, $2, $3::float8 - $5::int, clock_timestamp(), 1)
        ON CONFLICT (name, client) DO UPDATE SET
            tokens = \(refilled) - CASE WHEN $5::int = 1 AND \(refilled) >= 1 THEN 1 ELSE 0 END,
            allowed = CASE WHEN \(refilled) >= 1 THEN 1 ELSE 0 END,
            at = clock_timestamp()
        RETURNING tokens, allowed
        """
}
