/// A station's sums of ranges of its data, held against the hub's after a pull (protocol 2,
/// ``Reconciliation``): the position it pulled to says which of the hub's buckets it can compare.
public struct VerifyRequest: SyncWireMessage, Equatable {
    public let position: Int64
    public let ranges: [RangeSum]

    /// The most ranges one request carries; a station sends more in several.
    public static let largest = 512

    public init(position: Int64, ranges: [RangeSum]) {
        self.position = position
        self.ranges = ranges
    }
}

/// A range and what a replica holds in it.
public struct RangeSum: Sendable, Codable, Equatable {
    public let range: VerifyRange
    public let sum: BucketSum

    public init(range: VerifyRange, sum: BucketSum) {
        self.range = range
        self.sum = sum
    }

    enum CodingKeys: String, CodingKey {
        case range = "r", sum = "x"
    }
}

/// The hub's answer, a verdict for each range asked of.
public struct VerifyReply: SyncWireMessage, Equatable {
    public let verdicts: [RangeVerdict]

    public init(verdicts: [RangeVerdict]) { self.verdicts = verdicts }
}

/// What the hub found of one range.
public struct RangeVerdict: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        /// The hub holds the same records in it.
        case same
        /// The hub's bucket changed after the station's position (or the bucket is not the
        /// station's to ask of): nothing can be said this round.
        case stale
        /// It differs and holds many records: the hub's sums of its 16 parts follow.
        case split
        /// It differs and holds few: the hub's records in it follow, each id with its digest.
        case leaf
    }

    public let range: VerifyRange
    public let kind: Kind
    /// For a split: the hub's sums of the range's parts, in order.
    public let parts: [BucketSum]?
    /// For a leaf: the hub's records in it.
    public let records: [LeafRecord]?

    public init(range: VerifyRange, kind: Kind, parts: [BucketSum]? = nil, records: [LeafRecord]? = nil) {
        self.range = range
        self.kind = kind
        self.parts = parts
        self.records = records
    }

    enum CodingKeys: String, CodingKey {
        case range = "r", kind = "v", parts = "s", records = "l"
    }
}

/// A record as a leaf names it: its id and its digest.
public struct LeafRecord: Sendable, Codable, Equatable, Hashable {
    public let id: String
    public let digest: UInt64

    public init(id: String, digest: UInt64) {
        self.id = id
        self.digest = digest
    }

    enum CodingKeys: String, CodingKey {
        case id = "i", digest = "d"
    }
}

/// The records of a bucket a station found differ from the hub's: the hub answers each as it holds
/// it, or that it holds none by that id.
public struct MendRequest: SyncWireMessage, Equatable {
    public let bucket: DataBucket
    public let ids: [String]

    /// The most records one request names.
    public static let largest = 500

    public init(bucket: DataBucket, ids: [String]) {
        self.bucket = bucket
        self.ids = ids
    }
}

/// The hub's records as it holds them, for the station to hold the same.
public struct MendReply: SyncWireMessage, Equatable {
    public let records: [MendedRecord]
    /// The ids asked of that the hub does not hold: the station holds them by mistake.
    public let absent: [String]

    public init(records: [MendedRecord], absent: [String]) {
        self.records = records
        self.absent = absent
    }
}

/// One record as the hub holds it: every synced field, and the stamps that merged them.
public struct MendedRecord: Sendable, Codable, Equatable {
    public let id: String
    public let fields: [String: SyncValue]
    /// Each field's stamp and origin (`*` for a record merged whole), as ``FieldClock``s' text.
    public let clocks: [String: MendedClock]

    public init(id: String, fields: [String: SyncValue], clocks: [String: MendedClock]) {
        self.id = id
        self.fields = fields
        self.clocks = clocks
    }
}

/// A field clock as it travels.
public struct MendedClock: Sendable, Codable, Equatable {
    public let timestamp: Int64
    public let origin: String

    public init(_ clock: FieldClock) {
        timestamp = clock.timestamp.rawValue
        origin = clock.origin
    }

    var fieldClock: FieldClock { FieldClock(timestamp: HybridTimestamp(rawValue: timestamp), origin: origin) }
}
