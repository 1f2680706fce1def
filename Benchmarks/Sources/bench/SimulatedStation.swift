import ChinaLocale
import DomainCore
import Foundation
import Prices
import Sync
import SyncHTTP

/// A station of `bench province`, simulated in the benchmark's process: it enrolls, pushes and
/// pulls through the station's own signed HTTP transport, but keeps no store (3,000 stations'
/// SQLite files would measure the benchmark's machine, not the hub). What it pulls is counted in
/// bytes and changes, and dropped.
///
/// ```swift
/// let station = try await SimulatedStation.enroll(server: url, code: code, fingerprint: print, village: village)
/// let bytes = try await station.pullAll()
/// ```
final class SimulatedStation: SyncingStation {
    let enrollment: StationEnrollment
    let meter = ExchangeMeter()
    private let enrollments: MemoryEnrollments

    private init(enrollment: StationEnrollment, enrollments: MemoryEnrollments) {
        self.enrollment = enrollment
        self.enrollments = enrollments
    }

    static func enroll(server: URL, code: String, fingerprint: String) async throws -> SimulatedStation {
        let enrollments = MemoryEnrollments()
        let enrollment = try await StationEnrollment.enroll(store: enrollments, server: server, code: code, fingerprint: fingerprint)
        return SimulatedStation(enrollment: enrollment, enrollments: enrollments)
    }

    var deviceWallMilliseconds: Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
    func pendingCount() async throws -> Int64 { 0 }

    var transport: HTTPSyncTransport {
        HTTPSyncTransport(enrollment: enrollment, store: enrollments, replica: self, meter: meter)
    }

    /// Pulls the log in its scope from the start to its end: the changes received.
    func pullAll(limit: Int = 1_000) async throws -> Int {
        var (position, received) = (Int64(0), 0)
        for _ in 0..<100_000 {
            let reply = try await transport.pull(PullRequest(after: position, limit: limit))
            received += reply.changes.count
            position = reply.position
            if !reply.more { break }
        }
        return received
    }

    /// Pushes `count` prices its operator recorded, in one batch; the county's acknowledgement.
    func pushPrices(_ count: Int, region: String) async throws -> Int64 {
        let now = deviceWallMilliseconds - 60_000
        let changes = (0..<count).map { index in
            var fields = CountyThroughputBench.fields(village: enrollment.village, index: index)
            fields["region_code"] = .text(region)
            return Change(
                origin: enrollment.origin, sequence: Int64(index + 1), timestamp: HybridTimestamp(wallMilliseconds: now, counter: Int64(index)),
                collection: PricesCollections.observation.name, recordID: RecordID.make(), scope: enrollment.village, fields: fields)
        }
        return try await transport.push(PushRequest(changes: changes)).acknowledged
    }
}

/// A simulated station's enrollment, held in memory.
private actor MemoryEnrollments: EnrollmentStore {
    private var held: StoredEnrollment?
    private var counter: Int64 = 0

    func enrollment() -> StoredEnrollment? { held }

    func keep(_ enrollment: StoredEnrollment) {
        held = enrollment
        counter = 0
    }

    func nextCounter() -> Int64 {
        counter += 1
        return counter
    }

    func keepCheckKey(_ key: Data?) {
        guard let held else { return }
        self.held = StoredEnrollment(
            serverURL: held.serverURL, stationID: held.stationID, village: held.village, privateKey: held.privateKey,
            countyPublicKey: held.countyPublicKey, countyOrigin: held.countyOrigin, origin: held.origin, checkKey: key)
    }
}
