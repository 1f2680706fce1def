import PostgresStorage
import SlowLink
import TestSupport
import Testing

/// The county an end-to-end test meets: one `syncserver` on SQLite, as a county runs it, or a hub of
/// two `syncserver` processes on one PostgreSQL database behind a balancer without affinity (each
/// connection to the next process), as a city or a province runs it.
///
/// ```swift
/// @Test(arguments: HubLayout.allCases) func …(layout: HubLayout) async throws {
///     try await layout.withCounty(in: folder) { county, url in … }
/// }
/// ```
enum HubLayout: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case county, twoProcessesOnPostgreSQL

    var testDescription: String { rawValue }

    /// Runs `body` with the county started and the address stations and staff reach it at; every
    /// process is stopped when `body` ends, and the exit status of the county's is the answer.
    func withCounty(in folder: TemporaryFolder, _ body: (CountyUnderTest, _ url: String) async throws -> Void) async throws -> Int32 {
        switch self {
        case .county:
            let county = try await CountyUnderTest.start(in: folder)
            do {
                try await body(county, county.url)
            } catch {
                _ = await county.stop()
                throw error
            }
            return await county.stop()
        case .twoProcessesOnPostgreSQL:
            return try await PostgresForTests.withDatabase { address in
                let county = try await CountyUnderTest.start(in: folder, database: address.url, instances: 2)
                let balancer = try await SlowLink.start(balancingAcross: [county.port, county.others[0].port], profile: .lan)
                do {
                    try await body(county, "http://127.0.0.1:\(balancer.port)")
                } catch {
                    try? await balancer.stop()
                    _ = await county.stop()
                    throw error
                }
                try await balancer.stop()
                return await county.stop()
            }
        }
    }
}
