/// At a station: its push made and answered (``StationPusher``), its pull taken (``StationPuller``).
extension Replica {
    /// The station's own changes the county has not acknowledged, oldest first.
    public func pendingChanges(limit: Int) async throws -> [Change] {
        try await pusher.pendingChanges(limit: limit)
    }

    /// The same changes as ``pendingChanges(limit:)``, as a push's JSON written from the log's text;
    /// after a later sequence than the acknowledged one when given.
    public func pendingPush(after sequence: Int64? = nil, limit: Int) async throws -> PendingPush {
        try await pusher.pendingPush(after: sequence, limit: limit)
    }

    /// The highest sequence of this station's own changes the county has acknowledged.
    public func acknowledged() async throws -> Int64 {
        try await pusher.acknowledged()
    }

    /// Records the county's acknowledgement, its refusals and its clock; a change refused only for a
    /// clock that ran ahead is stamped again with the corrected clock.
    public func accept(_ reply: PushReply) async throws {
        try await pusher.accept(reply)
    }

    /// Applies a pulled batch and the position it reaches, in one transaction; answers `true` when
    /// instead the county's log turned out to be another epoch, and the station pulls it again whole.
    @discardableResult
    public func accept(_ reply: PullReply) async throws -> Bool {
        try await puller.accept(reply)
    }

    /// The position of the county's log this station has applied up to.
    public func pullPosition() async throws -> Int64 {
        try await puller.pullPosition()
    }

    /// The epoch of the county's log the pull position counts in, empty before the first pull.
    public func countyEpoch() async throws -> String {
        try await puller.countyEpoch()
    }

    /// The urgent changes received ahead of the pull position, to name in the next pull.
    public func heldUrgent() async throws -> [Int64] {
        try await puller.heldUrgent()
    }
}
