/// How a station reaches the county: over HTTP in the programs, in memory in the simulation.
///
/// A call that throws may or may not have reached the county; the protocol makes either safe,
/// because every batch is idempotent and positions are only advanced by replies.
///
/// ```swift
/// let report = try await SyncRound(station: replica, transport: transport).run()
/// ```
public protocol SyncTransport: Sendable {
    func push(_ request: PushRequest) async throws -> PushReply
    /// Pushes a batch read from the station's log. By default it is decoded into a
    /// ``PushRequest``; a transport that carries bytes sends its JSON as it is.
    func push(_ pending: PendingPush) async throws -> PushReply
    func pull(_ request: PullRequest) async throws -> PullReply
}

extension SyncTransport {
    public func push(_ pending: PendingPush) async throws -> PushReply {
        try await push(try PushRequest(wireJSON: pending.wireJSON))
    }
}
