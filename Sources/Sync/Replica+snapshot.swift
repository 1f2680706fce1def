/// Snapshots (protocol 2): a new station, or one whose position is below the floor of the hub's
/// compacted log, takes its scope as the hub holds it (``HubSnapshot``, ``StationSnapshot``)
/// instead of replaying the log.
extension Replica {
    /// At a station: the snapshot page to ask for, or `nil` when it pulls.
    public func snapshotWanted() async throws -> SnapshotRequest? {
        try await snapshots.wanted()
    }

    /// At a station: asks for a snapshot from the next page on, the county having compacted its log
    /// below the station's position (``PullReply/floor``).
    public func wantSnapshot() async throws {
        try await snapshots.want()
    }

    /// At a station: takes a snapshot's page; how many records it held.
    public func take(_ reply: SnapshotReply) async throws -> Int {
        try await snapshots.take(reply)
    }

    /// At the hub: a page of a snapshot of a station's scope.
    public func snapshot(_ request: SnapshotRequest, for station: StationPeer) async throws -> SnapshotReply {
        try await HubSnapshot(core: core).page(request, for: station)
    }
}
