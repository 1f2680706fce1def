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
    /// Asks in one short exchange whether anything waits for a station that has nothing to push
    /// (protocol 2's idle check); `nil` when this transport cannot ask yet, and the round pulls.
    func check(position: Int64, epoch: String, reports: [String: String]) async throws -> IdleAnswer?
    /// Whether the station's data may be proved against the county's through this transport:
    /// a round then sums its buckets (``Reconciliation``).
    var verifiesData: Bool { get }
    /// The county's verdicts on ranges of the station's data; `nil` from a county that cannot verify.
    func verify(_ request: VerifyRequest) async throws -> VerifyReply?
    /// The county's records of a bucket a station found differ.
    func mend(_ request: MendRequest) async throws -> MendReply
    /// A page of a snapshot of the station's scope; `nil` from a county that has none to give.
    func snapshot(_ request: SnapshotRequest) async throws -> SnapshotReply?
}

/// The county's answer to an idle check: whether the station holds everything, and the county's clock.
public struct IdleAnswer: Sendable, Equatable {
    public let upToDate: Bool
    public let countyTime: Int64

    public init(upToDate: Bool, countyTime: Int64) {
        self.upToDate = upToDate
        self.countyTime = countyTime
    }
}

extension SyncTransport {
    /// A transport without an idle check: every round pulls.
    public func check(position: Int64, epoch: String, reports: [String: String]) async throws -> IdleAnswer? { nil }

    /// A transport without verification: a round does not sum its data.
    public var verifiesData: Bool { false }
    public func verify(_ request: VerifyRequest) async throws -> VerifyReply? { nil }
    public func mend(_ request: MendRequest) async throws -> MendReply { MendReply(records: [], absent: []) }
    public func snapshot(_ request: SnapshotRequest) async throws -> SnapshotReply? { nil }

    public func push(_ pending: PendingPush) async throws -> PushReply {
        try await push(try PushRequest(wireJSON: pending.wireJSON))
    }
}
