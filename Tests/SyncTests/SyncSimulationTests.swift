import Foundation
import StoreInterface
import TestSupport
import Testing

/// The seeded simulation DESIGN §2 is judged by. `SYNC_SCHEDULES` sets how many schedules run
/// (1,000 by default); `SYNC_SEED` replays one; `SYNC_VERBOSE` prints what each exercised.
@Suite struct SyncSimulationTests {
    static let environment = ProcessInfo.processInfo.environment

    static var seeds: [UInt64] {
        if let seed = environment["SYNC_SEED"].flatMap(UInt64.init) { return [seed] }
        let count = environment["SYNC_SCHEDULES"].flatMap(Int.init) ?? 1_000
        return (1...UInt64(count)).map { $0 &* 7_919 }
    }

    /// Runs one schedule to the end and returns what does not hold.
    static func schedule(_ seed: UInt64, countyStore: (any TransactionStore)? = nil) async throws -> [String] {
        let simulation = try await SyncSimulation(seed: seed, countyStore: countyStore)
        try await simulation.run(steps: 60)
        try await simulation.heal()
        let failures = try await simulation.check()
        if environment["SYNC_VERBOSE"] != nil { print("seed \(seed): \(try await simulation.summary())") }
        return failures
    }

    @Test(.timeLimit(.minutes(20)))
    func everyScheduleConvergesWithNothingLostOrDoubled() async throws {
        var failed: [(seed: UInt64, failures: [String])] = []
        var seeds = Self.seeds.makeIterator()
        // Two schedules at a time, one per core; each has its own stores and its own generator.
        try await withThrowingTaskGroup(of: (UInt64, [String]).self) { group in
            for _ in 0..<2 {
                if let seed = seeds.next() { group.addTask { (seed, try await Self.schedule(seed)) } }
            }
            while let (seed, failures) = try await group.next() {
                if !failures.isEmpty { failed.append((seed, failures)) }
                if failed.count < 3, let next = seeds.next() {
                    group.addTask { (next, try await Self.schedule(next)) }
                }
            }
        }
        for (seed, failures) in failed {
            Issue.record(
                "schedule with seed \(seed) failed (replay: SYNC_SEED=\(seed) swift test --filter SyncSimulationTests): \(failures.joined(separator: "; "))")
        }
        #expect(failed.isEmpty)
    }

    /// The same schedules with the county on a hub's PostgreSQL database, each its own
    /// (`SYNC_POSTGRES_SCHEDULES`, 12 by default: a database is made and dropped for each).
    @Test(.timeLimit(.minutes(20)))
    func everyScheduleConvergesOnAPostgreSQLHub() async throws {
        let count = Self.environment["SYNC_POSTGRES_SCHEDULES"].flatMap(Int.init) ?? 12
        for seed in Self.seeds.prefix(count) {
            let failures = try await HubStore.postgres.withHandles(
                role: "county", sqlite: { throw HubStore.NotOnSQLite() }, postgres: TestCollections.postgresSchema
            ) { stores in try await Self.schedule(seed, countyStore: stores[0]) }
            #expect(failures.isEmpty, "schedule with seed \(seed) on PostgreSQL: \(failures.joined(separator: "; "))")
        }
    }
}
