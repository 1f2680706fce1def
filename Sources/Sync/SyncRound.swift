import Foundation

/// One sync round of a station: push its own changes in bounded batches until the county has
/// acknowledged them all, then pull the county's in bounded batches until none are left.
///
/// A cut link costs at most the batch in flight: everything acknowledged or applied before it stays.
///
/// ```swift
/// let report = try await SyncRound(station: station, transport: transport, batchSize: 200).run()
/// print(report.pushed, report.pulled)
/// ```
public struct SyncRound: Sendable {
    public let station: Replica
    public let transport: any SyncTransport
    public let batchSize: Int
    /// What the station says of its own data with every pull (``PullRequest/reports``).
    public let reports: @Sendable () async throws -> [String: String]

    public init(
        station: Replica, transport: any SyncTransport, batchSize: Int = 200,
        reports: @escaping @Sendable () async throws -> [String: String] = { [:] }
    ) {
        self.station = station
        self.transport = transport
        self.batchSize = batchSize
        self.reports = reports
    }

    /// What one round moved.
    public struct Report: Sendable, Equatable {
        public var pushed = 0
        public var pulled = 0
        public var quarantined = 0
        public var exchanges = 0
        /// Records the station held otherwise than the county, taken in or dropped (``Reconciliation``).
        public var mended = 0
        /// Records a new station took from a snapshot of its scope (also counted as pulled).
        public var fromSnapshot = 0
    }

    /// The most changes one pull asks for; the county bounds a reply's bytes as well.
    static let largestPull = 1_000

    public func run() async throws -> Report {
        var report = Report()
        while true {
            let pending = try await station.pendingPush(limit: batchSize)
            guard let last = pending.sequences.last else { break }
            let reply = try await transport.push(pending)
            report.exchanges += 1
            try await station.accept(reply)
            report.quarantined += reply.quarantined.count
            report.pushed += pending.sequences.filter { $0 <= reply.acknowledged }.count
            // The county stopped short of the batch (a gap it waits to be filled): stop rather than resend forever.
            if reply.acknowledged < last { break }
        }
        try await bootstrap(&report)
        var more = true
        var limit = batchSize
        let reports = try await reports()
        // Nothing pushed and no urgent change to name: one short question may end the round.
        if report.exchanges == 0, try await station.heldUrgent().isEmpty,
            let answer = try await transport.check(
                position: try await station.pullPosition(), epoch: try await station.countyEpoch(), reports: reports)
        {
            report.exchanges += 1
            station.clock.adopt(countyWallMilliseconds: answer.countyTime)
            more = !answer.upToDate
        }
        var snapshotTaken = false
        while more {
            let after = try await station.pullPosition()
            let reply = try await transport.pull(
                PullRequest(
                    after: after, limit: limit, heldUrgent: try await station.heldUrgent(), reports: reports, columns: true,
                    snapshots: transport.verifiesData))
            report.exchanges += 1
            // The county compacted the log this station would replay: it takes the county's data as
            // a snapshot instead, once a round, and pulls on from the snapshot's position.
            if let floor = reply.floor, floor > after {
                guard !snapshotTaken else { throw BelowFloor(position: after, floor: floor) }
                try await station.wantSnapshot()
                guard try await bootstrap(&report) else { throw BelowFloor(position: after, floor: floor) }
                snapshotTaken = true
                continue
            }
            let restarted = try await station.accept(reply)
            report.pulled += restarted ? 0 : reply.changes.count + reply.urgent.count
            more = reply.more || restarted
            // Each reply that arrives shows the link carries the batch: the next may be twice as many
            // changes, still bounded in bytes by the county, so a long catch-up pays fewer round trips.
            limit = min(limit * 2, Self.largestPull)
        }
        // The data as held, summed once a round where the county can verify it, after what the
        // round took: a row changed by hand, which no log records, changes the sums.
        if transport.verifiesData { try await verify(try await station.dataSums(), &report) }
        try await station.recordSuccess()
        return report
    }

    /// A new station, or one below the floor of the county's compacted log, takes its scope from a
    /// snapshot, page by page, where the county gives one, instead of replaying the county's log;
    /// the pulls then go on from the snapshot's position. Whether it took one whole.
    @discardableResult
    private func bootstrap(_ report: inout Report) async throws -> Bool {
        guard transport.verifiesData, var request = try await station.snapshotWanted() else { return false }
        request.columns = true
        while let reply = try await transport.snapshot(request) {
            report.exchanges += 1
            let taken = try await station.take(reply)
            report.pulled += taken
            report.fromSnapshot += taken
            guard let next = reply.next else { return true }
            request = SnapshotRequest(position: reply.position, cursor: next, columns: true)
        }
        return false
    }

    /// The county's log was compacted above this station's position, and no snapshot came in its
    /// place: the round stops rather than pull a log that lacks what the station needs.
    public struct BelowFloor: Error, CustomStringConvertible {
        public let position: Int64
        public let floor: Int64

        public var description: String {
            "the county compacted its log up to position \(floor), beyond this station's \(position), and sent no snapshot"
        }
    }

    /// Proves the station's data against the county's once the round has moved it, or when it no
    /// longer sums to what was last proved (a hand changed it), and mends what differs; not while
    /// its own changes wait, which the county does not yet hold.
    private func verify(_ sums: [DataBucket: BucketSum], _ report: inout Report) async throws {
        let digest = StationVerifier.digest(of: sums)
        let unproved = try await station.verifier.verifiedDigest() != digest
        guard report.pushed > 0 || report.pulled > 0 || unproved, try await station.pendingChanges(limit: 1).isEmpty,
            let outcome = try await Reconciliation(station: station, transport: transport)
                .run(position: try await station.pullPosition(), sums: sums)
        else { return }
        report.exchanges += outcome.exchanges
        report.mended += outcome.mended
        guard outcome.settled else { return }
        let proved = outcome.mended > 0 ? StationVerifier.digest(of: try await station.dataSums()) : digest
        try await station.verifier.keepVerified(proved)
    }
}
