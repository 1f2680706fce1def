/// One recorded change, as captured where it was made and as applied everywhere else.
///
/// `(origin, sequence)` names it uniquely: the sequence is gap-free per origin, so a receiver that
/// has applied up to n knows exactly what it lacks.
///
/// ```swift
/// let change = Change(origin: "station-1", sequence: 42, timestamp: clock.now(),
///                     collection: "ledger.contract", recordID: "C-7", scope: "441422107201",
///                     fields: ["amount_fen": 120_000], bases: ["amount_fen": previous])
/// ```
public struct Change: Sendable, Hashable, Codable {
    /// The replica that made it.
    public let origin: String
    /// Its place in the origin's gap-free sequence, from 1.
    public let sequence: Int64
    /// When it was made, by the origin's hybrid clock.
    public let timestamp: HybridTimestamp
    /// The collection's name.
    public let collection: String
    /// The record's id.
    public let recordID: String
    /// The village code the record belongs to, or `""` for county-wide data.
    public let scope: String
    /// The fields it sets.
    public let fields: [String: SyncValue]
    /// For mergeable records: the timestamp of each field's value the writer saw, or absent if none.
    public let bases: [String: HybridTimestamp]
    /// For county-owned records: the county's signature over everything above (base64).
    public var signature: String?
    /// The fields and bases as a log keeps them, when the change was read from one: the wire
    /// takes that text as it is instead of encoding the same values again. Not part of what the
    /// change is: equality and hashing leave it out.
    var logged: ReplicaCore.LoggedForm?

    public init(
        origin: String, sequence: Int64, timestamp: HybridTimestamp, collection: String, recordID: String,
        scope: String, fields: [String: SyncValue], bases: [String: HybridTimestamp] = [:], signature: String? = nil
    ) {
        self.origin = origin
        self.sequence = sequence
        self.timestamp = timestamp
        self.collection = collection
        self.recordID = recordID
        self.scope = scope
        self.fields = fields
        self.bases = bases
        self.signature = signature
    }

    public static func == (left: Change, right: Change) -> Bool {
        (left.origin, left.sequence, left.timestamp, left.collection, left.recordID, left.scope)
            == (right.origin, right.sequence, right.timestamp, right.collection, right.recordID, right.scope)
            && (left.fields, left.bases, left.signature) == (right.fields, right.bases, right.signature)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(origin)
        hasher.combine(sequence)
        hasher.combine(recordID)
    }

    enum CodingKeys: String, CodingKey {
        case origin = "o", sequence = "n", timestamp = "t", collection = "c", recordID = "r", scope = "s"
        case fields = "f", bases = "b", signature = "g"
    }
}
