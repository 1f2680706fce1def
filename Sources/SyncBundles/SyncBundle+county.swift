public import Foundation
public import Sync
public import SyncHTTP

/// The county's side of a bundle: `syncserver bundle` and `syncserver bundle import`.
extension SyncBundle {
    /// The county's changes in a station's scope after a position of its log (0: all of them),
    /// as the pulls it would answer, with an acknowledgement of the station's own bundle when
    /// answering one; signed with the county's key for that station alone. With `snapshot`, or
    /// when the position is below the floor of the county's compacted log, the station's scope as
    /// the county holds it instead, and the pulls from the snapshot's position.
    public static func county(
        for stationID: String, after position: Int64, county: Replica, registry: StationRegistry,
        acknowledging acknowledgement: PushReply? = nil, snapshot: Bool = false, now: Date = Date()
    ) async throws -> SyncBundle {
        let station = try await enrolled(stationID, registry)
        let floor = try await county.logFloor()
        let snapshot = snapshot || position < floor
        let (pages, position) = snapshot ? try await snapshotPages(for: station.peer, county: county) : (nil, position)
        var (pulls, at, epoch): ([Data], Int64, String) = ([], position, "")
        // Each reply's position is past every row it scanned, so the loop ends; the bound is a backstop.
        for _ in 0..<1_000_000 {
            let reply = try await county.changes(after: at, for: station.peer, limit: 1_000)
            // No urgent changes sent ahead (every part travels together) and no clock reading
            // (the file is days old when it is read).
            let carried = PullReply(
                changes: reply.changes, position: reply.position, more: reply.more, countyTime: 0,
                countyOrigin: reply.countyOrigin, epoch: reply.epoch)
            pulls.append(try part(carried.wireJSON()))
            (at, epoch) = (reply.position, reply.epoch)
            if !reply.more { break }
        }
        var bundle = SyncBundle(
            kind: .county, station: stationID, createdAt: now, epoch: epoch, position: position,
            acknowledgement: try acknowledgement.map { try part(try $0.wireJSON()) }, pulls: pulls, snapshot: pages)
        guard let key = county.signature else { throw SyncError.notWritableHere("the county has no signing key") }
        bundle.signature = try key.sign(bytes: bundle.signedBytes)
        return bundle
    }

    /// A station's scope as the county holds it, each page as it would travel without a clock
    /// reading (the file is days old when it is read), and the position it stands at.
    static func snapshotPages(for station: StationPeer, county: Replica) async throws -> ([Data], Int64) {
        var (pages, request): ([Data], SnapshotRequest) = ([], SnapshotRequest())
        while true {
            let page = try await county.snapshot(request, for: station)
            let carried = SnapshotReply(
                position: page.position, epoch: page.epoch, countyOrigin: page.countyOrigin, countyTime: 0, parts: page.parts,
                next: page.next)
            pages.append(try part(carried.wireJSON()))
            guard let next = page.next else { return (pages, page.position) }
            request = SnapshotRequest(position: page.position, cursor: next)
        }
    }

    /// What the county took from a station's bundle.
    public struct CountyImport: Sendable, Equatable {
        /// The station's changes the bundle carried.
        public var changes = 0
        /// The station's highest sequence the county now holds, gap-free.
        public var acknowledged: Int64 = 0
        /// Changes the county quarantined, with their reasons.
        public var quarantined: [QuarantineNotice] = []
    }

    /// Takes a station's bundle at the county, as its pushes would have been taken (the same rules,
    /// the same quarantine; a change held already is skipped), and answers it with a bundle for the
    /// station: the acknowledgement, and what the station lacks of the county's log.
    public func receive(at county: Replica, registry: StationRegistry, now: Date = Date()) async throws
        -> (answer: SyncBundle, report: CountyImport)
    {
        guard kind == .station else { throw Refusal.wrongKind(kind) }
        let enrolled = try await Self.enrolled(station, registry)
        guard enrolled.signed(signedBytes, signature: signature) else { throw Refusal.badSignature }
        var report = CountyImport()
        // A part at a time, each inflated within a push's bound, as the network's pushes are: a
        // station's operator, who holds its key, may write any file. An empty bundle is answered
        // with the county's mark for the station, as an empty round is.
        let bound = CountySyncRoutes.largestPush
        for part in pushes.isEmpty ? [nil] : pushes.map(Optional.some) {
            let push = try part.map { try Self.message(PushRequest.self, in: $0, limit: bound.inflatedBytes) } ?? PushRequest(changes: [])
            guard push.changes.count <= bound.changes else { throw Refusal.damaged("a part carries more than \(bound.changes) changes") }
            let reply = try await county.receive(push, from: enrolled.peer)
            report.changes += push.changes.count
            report.acknowledged = reply.acknowledged
            report.quarantined += reply.quarantined
            // A gap before this part (an earlier bundle never carried): the rest waits for it.
            if let last = push.changes.last?.sequence, reply.acknowledged < last { break }
        }
        let acknowledgement = PushReply(acknowledged: report.acknowledged, quarantined: report.quarantined, countyTime: 0)
        // Positions count in the county's log epoch: from another (the county was restored), all again.
        let epoch = try await county.logEpoch()
        // A station that has pulled nothing is answered with a snapshot of its scope.
        let answer = try await Self.county(
            for: station, after: self.epoch == epoch ? position : 0, county: county, registry: registry,
            acknowledging: acknowledgement, snapshot: self.epoch.isEmpty && position == 0, now: now)
        return (answer, report)
    }

    static func enrolled(_ stationID: String, _ registry: StationRegistry) async throws -> StationRegistry.EnrolledStation {
        do {
            return try await registry.enrolledStation(stationID)
        } catch {
            throw Refusal.unknownStation(stationID)
        }
    }
}
