import PostgresStorage
import SlowLink
import TestSupport
import Testing

/// The county an end-to-end test meets: one `syncserver` on SQLite, as a county runs it, or a hub of
/// two `syncserver` processes on one PostgreSQL database behind a balancer without affinity (each
/// connection to the next process), as a city or a province runs it. A test runs the two one after
/// the other (`.serialized`): each starts several processes, and every suite starts at once.
///
/// ```swift
/// @Test(.serialized, arguments: HubLayout.allCases) func …(layout: HubLayout) async throws {
///     let status = try await layout.withCounty(in: folder) { county, port in … }  // stations reach it at `port`
///     #expect(status == 0)
/// }
/// ```
enum HubLayout: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case county, twoProcessesOnPostgreSQL

    var testDescription: String { rawValue }

    /// Runs `body` with the county started and the port on loopback that stations and staff reach it
    /// at; every process (those `body` restarted too) is stopped when `body` ends, and the exit
    /// status of the county's is the answer.
    func withCounty(in folder: TemporaryFolder, _ body: (inout CountyUnderTest, _ port: Int) async throws -> Void) async throws -> Int32 {
        switch self {
        case .county:
            var county = try await CountyUnderTest.start(in: folder)
            do {
                let port = county.port
                try await body(&county, port)
            } catch {
                _ = await county.stop()
                throw error
            }
            return await county.stop()
        case .twoProcessesOnPostgreSQL:
            return try await PostgresForTests.withDatabase { address in
                var county = try await CountyUnderTest.start(in: folder, database: address.url, instances: 2)
                let balancer = try await SlowLink.start(balancingAcross: [county.port, county.others[0].port], profile: .lan)
                do {
                    try await body(&county, balancer.port)
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
