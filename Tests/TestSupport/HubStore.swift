public import PostgresStorage
public import StoreInterface
public import Testing

/// The two stores a hub runs on, for suites that run once on each: a SQLite file, or a PostgreSQL
/// database of the test's own (a hub of a city or a province).
///
/// ```swift
/// @Test(arguments: HubStore.allCases) func sessionsHoldAcrossProcesses(hub: HubStore) async throws {
///     try await hub.withHandles(2, role: "county", sqlite: { try Store.open(path: path, role: "county", schema: schema) },
///                               postgres: postgresSchema) { stores in … }
/// }
/// ```
public enum HubStore: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    public var testDescription: String { rawValue }

    /// A suite that runs on PostgreSQL only asked for a SQLite store.
    public struct NotOnSQLite: Error {
        public init() {}
    }

    /// Runs `body` with the store a test world's county keeps: `nil` on SQLite (the world makes a file
    /// of its own), a new PostgreSQL database migrated to `schema` otherwise, dropped when `body` ends.
    public func withCountyStore<Answer>(
        postgres schema: PostgresSchema, _ body: ((any TransactionStore)?) async throws -> Answer
    ) async throws -> Answer {
        switch self {
        case .sqlite: return try await body(nil)
        case .postgres: return try await Self.withPostgres(1, role: "county", schema: schema) { try await body($0[0]) }
        }
    }

    /// Runs `body` with `count` handles on one store of this kind, as that many processes of one hub
    /// hold it: the SQLite file opened `count` times by `openSQLite`, or a new PostgreSQL database
    /// opened `count` times with `schema`. Closed, and the database dropped, when `body` ends.
    public func withHandles<Answer>(
        _ count: Int = 1, role: String, sqlite openSQLite: () throws -> any TransactionStore, postgres schema: PostgresSchema,
        _ body: ([any TransactionStore]) async throws -> Answer
    ) async throws -> Answer {
        switch self {
        case .sqlite:
            return try await body((0..<count).map { _ in try openSQLite() })
        case .postgres:
            return try await Self.withPostgres(count, role: role, schema: schema, body)
        }
    }

    /// A new PostgreSQL database opened `count` times, closed and dropped when `body` ends.
    private static func withPostgres<Answer>(
        _ count: Int, role: String, schema: PostgresSchema, _ body: ([any TransactionStore]) async throws -> Answer
    ) async throws -> Answer {
        try await PostgresForTests.withDatabase { address in
            var stores: [PostgresStore] = []
            do {
                for _ in 0..<count { stores.append(try await PostgresStore.open(address, role: role, schema: schema)) }
                let answer = try await body(stores)
                for store in stores { await store.close() }
                return answer
            } catch {
                for store in stores { await store.close() }
                throw error
            }
        }
    }
}
