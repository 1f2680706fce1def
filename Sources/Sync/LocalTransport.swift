/// A station's way to a county replica in the same process: for the demo's tools, benchmarks and
/// tests, where the HTTP layer is not what is being measured.
///
/// ```swift
/// let transport = LocalTransport(county: county, station: StationPeer(origin: station.origin, village: code))
/// try await SyncRound(station: station, transport: transport).run()
/// ```
public struct LocalTransport: SyncTransport {
    public let county: Replica
    public let station: StationPeer

    /// Whether a round through it speaks protocol 2's verification (``Reconciliation``) and snapshots.
    public let verifying: Bool

    public init(county: Replica, station: StationPeer, verifying: Bool = false) {
        self.county = county
        self.station = station
        self.verifying = verifying
    }

    public func push(_ request: PushRequest) async throws -> PushReply {
        try await county.receive(request, from: station)
    }

    public func pull(_ request: PullRequest) async throws -> PullReply {
        try await county.serve(request, for: station)
    }

    public var verifiesData: Bool { verifying }

    public func verify(_ request: VerifyRequest) async throws -> VerifyReply? {
        try await county.verify(request, for: station)
    }

    public func mend(_ request: MendRequest) async throws -> MendReply {
        try await county.mend(request, for: station)
    }

    public func snapshot(_ request: SnapshotRequest) async throws -> SnapshotReply? {
        verifying ? try await county.snapshot(request, for: station) : nil
    }
}
