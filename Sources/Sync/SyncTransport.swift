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
    func pull(_ request: PullRequest) async throws -> PullReply
}
