/// The sync protocol's versions. A station states the version it speaks in every request; a hub
/// answers each request in the version it was sent in, and serves the version before its own beside
/// it (``ProtocolSupport``), so that stations are upgraded over months.
///
/// - 1: push, pull and enrollment, JSON deflated, every request and reply signed.
/// - 2: a pull's reply also states the versions the hub accepts (``PullReply/support``); the idle
///   check (`/sync/v2/check`); verification and mending of a station's data (``Reconciliation``);
///   snapshots for new stations (``SnapshotRequest``).
public enum SyncProtocol {
    /// The version this release speaks.
    public static let version = 2
    /// The version before it, which a hub of this release still serves.
    public static let previous = 1
}

/// A station's own changes, oldest first, in one bounded batch.
public struct PushRequest: Sendable, Codable, Equatable {
    public let changes: [Change]

    public init(changes: [Change]) { self.changes = changes }
}

/// The county's answer to a push: how far it has applied the station's changes, which it refused.
public struct PushReply: Sendable, Codable, Equatable {
    /// The station's highest sequence the county has applied or quarantined, gap-free.
    public let acknowledged: Int64
    /// Changes of this batch the county quarantined, with the reason.
    public let quarantined: [QuarantineNotice]
    /// The county's wall time in milliseconds, from which the station corrects its clock.
    public let countyTime: Int64

    public init(acknowledged: Int64, quarantined: [QuarantineNotice], countyTime: Int64) {
        self.acknowledged = acknowledged
        self.quarantined = quarantined
        self.countyTime = countyTime
    }
}

/// Asks for the county's changes in the station's scope after a position of the county's log.
public struct PullRequest: Sendable, Codable, Equatable {
    public let after: Int64
    public let limit: Int
    /// The sequences of the county's urgent changes the station received ahead of `after`.
    public let heldUrgent: [Int64]
    /// What the station says of its own data, for the county to hold against its own (the head of
    /// the village's voucher chain), by name; the domains that keep such data read them.
    public let reports: [String: String]
    /// The station's half of an X25519 agreement (base64), sent until it holds a key for the idle
    /// check (protocol 2); the county answers with its half (``PullReply/agreementKey``).
    public var agreementKey: String?
    /// Whether the station reads a document's rows sent as columns (``RowsAsColumns``): a station
    /// of this release says so; one before it is sent the rows as text.
    public var columns: Bool
    /// Whether the station takes a snapshot when told its position is below the floor of the
    /// county's compacted log (``PullReply/floor``): one of this release that verifies its data says
    /// so; one before it is not told, and replays what is left of the log.
    public var snapshots: Bool

    public init(
        after: Int64, limit: Int, heldUrgent: [Int64] = [], reports: [String: String] = [:], agreementKey: String? = nil,
        columns: Bool = false, snapshots: Bool = false
    ) {
        self.after = after
        self.limit = limit
        self.heldUrgent = heldUrgent
        self.reports = reports
        self.agreementKey = agreementKey
        self.columns = columns
        self.snapshots = snapshots
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        after = try container.decode(Int64.self, forKey: .after)
        limit = try container.decode(Int.self, forKey: .limit)
        heldUrgent = try container.decodeIfPresent([Int64].self, forKey: .heldUrgent) ?? []
        reports = try container.decodeIfPresent([String: String].self, forKey: .reports) ?? [:]
        agreementKey = try container.decodeIfPresent(String.self, forKey: .agreementKey)
        columns = try container.decodeIfPresent(Bool.self, forKey: .columns) ?? false
        snapshots = try container.decodeIfPresent(Bool.self, forKey: .snapshots) ?? false
    }
}

/// A batch of the county's log in the station's scope.
public struct PullReply: Sendable, Codable, Equatable {
    public let changes: [Change]
    /// The position to ask after next time; it covers every row scanned, in scope or not.
    public let position: Int64
    /// Whether more changes wait after this batch.
    public let more: Bool
    public let countyTime: Int64
    /// The county's origin id, the only origin whose county-owned records a station accepts.
    public let countyOrigin: String
    /// Urgent changes beyond this batch, sent ahead of it; they come again in their place, harmlessly.
    public let urgent: [Change]
    /// The epoch of the county's log, which `position` counts in; empty from a county that has none.
    public let epoch: String
    /// The protocol versions the hub accepts (version 2 on); `nil` from a hub of version 1, or in a
    /// reply to a station of version 1, which would not read it.
    public let support: ProtocolSupport?
    /// The county's half of the idle check's key agreement, answering the station's (``PullRequest/agreementKey``).
    public var agreementKey: String?
    /// The position up to which the county compacted its log (``LogCompaction``), sent instead of
    /// changes to a station that takes snapshots (``PullRequest/snapshots``) pulling from below it.
    public var floor: Int64?
    /// Whether ``wireJSON()`` writes documents' rows as columns: for a station that asked so
    /// (``PullRequest/columns``). How the reply is written, not what it says.
    public var rowsAsColumns = false

    public init(
        changes: [Change], position: Int64, more: Bool, countyTime: Int64, countyOrigin: String, urgent: [Change] = [],
        epoch: String = "", support: ProtocolSupport? = nil
    ) {
        self.changes = changes
        self.position = position
        self.more = more
        self.countyTime = countyTime
        self.countyOrigin = countyOrigin
        self.urgent = urgent
        self.epoch = epoch
        self.support = support
    }

    enum CodingKeys: String, CodingKey {
        case changes, position, more, countyTime, countyOrigin, urgent, epoch
        case support = "protocol"
        case agreementKey, floor
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        changes = try container.decode([Change].self, forKey: .changes)
        position = try container.decode(Int64.self, forKey: .position)
        more = try container.decode(Bool.self, forKey: .more)
        countyTime = try container.decode(Int64.self, forKey: .countyTime)
        countyOrigin = try container.decode(String.self, forKey: .countyOrigin)
        urgent = try container.decodeIfPresent([Change].self, forKey: .urgent) ?? []
        epoch = try container.decodeIfPresent(String.self, forKey: .epoch) ?? ""
        support = try container.decodeIfPresent(ProtocolSupport.self, forKey: .support)
        agreementKey = try container.decodeIfPresent(String.self, forKey: .agreementKey)
        floor = try container.decodeIfPresent(Int64.self, forKey: .floor)
    }

    /// The same reply with the versions the hub accepts stated, or not.
    public func stating(_ support: ProtocolSupport?) -> PullReply {
        var reply = PullReply(
            changes: changes, position: position, more: more, countyTime: countyTime, countyOrigin: countyOrigin, urgent: urgent,
            epoch: epoch, support: support)
        reply.agreementKey = agreementKey
        reply.floor = floor
        reply.rowsAsColumns = rowsAsColumns
        return reply
    }
}

/// A change refused, and why.
public struct QuarantineNotice: Sendable, Codable, Equatable {
    public let origin: String
    public let sequence: Int64
    public let reason: String
    /// Whether the change was refused only for its clock: the station stamps it again, correctly.
    public let clockAhead: Bool

    public init(origin: String, sequence: Int64, reason: String, clockAhead: Bool) {
        self.origin = origin
        self.sequence = sequence
        self.reason = reason
        self.clockAhead = clockAhead
    }
}

/// The station a county is talking to, as its authentication established.
public struct StationPeer: Sendable, Hashable {
    public let origin: String
    public let village: String

    public init(origin: String, village: String) {
        self.origin = origin
        self.village = village
    }
}
