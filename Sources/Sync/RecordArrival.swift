public import StoreInterface

/// What a domain derives from a record of one of its collections as the record is written: a
/// bulletin's rows, a day's sums, a correction's mark on what it corrects, a voucher's lines.
///
/// The sync layer runs it on every path a record takes into a store — captured here, pushed to
/// the county, pulled by a station — right after the row is written, in the same transaction, so
/// the derived rows commit or vanish with it. It is Swift, called from Swift: it shows in a call
/// graph and runs the same way on every store, which a trigger inside SQLite did not.
///
/// It runs after every write of the record: once when an append-only fact is inserted (never for a
/// fact held already), and after each write of a merged or county record with the fields that
/// write carried. So what it derives from a field it re-derives whole, whatever was there before.
///
/// ```swift
/// let indexed = RecordArrival { record, transaction in
///     guard record.carries(anyOf: ["title", "body"]) else { return }
///     try transaction.notices.reindexNotice(record.id)
/// }
/// ```
///
/// A domain whose derivation is cheaper for many records at once (a day's sums of a thousand prices
/// in one statement) gives it in the form `together`: every path calls it with the one record it
/// wrote, and the hub once with a push's records of the collection, in order, after it wrote them
/// all. It must then derive the same as it would have record by record, whatever their order.
///
/// What is worth deriving once for a station's whole push rather than record by record (the ledger
/// checks a village's voucher chain from its last whole entry) is `received`: the hub runs it after
/// it has taken a push's records of the collection, in the push's transaction, with those records.
public struct RecordArrival: Sendable {
    let body: @Sendable (_ record: ArrivedRecord, _ transaction: any StoreTransaction) throws -> Void
    /// The derivation of many records at once, when the domain gives one.
    let together: (@Sendable (_ records: [ArrivedRecord], _ transaction: any StoreTransaction) throws -> Void)?
    let received: (@Sendable (_ records: [ArrivedRecord], _ transaction: any StoreTransaction) throws -> Void)?

    public init(
        _ body: @escaping @Sendable (_ record: ArrivedRecord, _ transaction: any StoreTransaction) throws -> Void,
        received: (@Sendable (_ records: [ArrivedRecord], _ transaction: any StoreTransaction) throws -> Void)? = nil
    ) {
        self.body = body
        self.together = nil
        self.received = received
    }

    /// An arrival that derives from many records at once as it would from each in turn.
    public init(
        together: @escaping @Sendable (_ records: [ArrivedRecord], _ transaction: any StoreTransaction) throws -> Void,
        received: (@Sendable (_ records: [ArrivedRecord], _ transaction: any StoreTransaction) throws -> Void)? = nil
    ) {
        self.body = { record, transaction in try together([record], transaction) }
        self.together = together
        self.received = received
    }

    /// Whether the hub may write a push's records first and derive from them all at once.
    var derivesTogether: Bool { together != nil }

    /// Derives from records written one after another in the caller's transaction: together, when
    /// the domain derives so, else one by one. The hub calls it for a push's records; a tool that
    /// loads rows in bulk, after each batch it inserts itself.
    public func derive(fromAll records: [ArrivedRecord], _ transaction: any StoreTransaction) throws {
        guard !records.isEmpty else { return }
        if let together { return try together(records, transaction) }
        for record in records { try body(record, transaction) }
    }

    /// Derives what the domain derives from a record just written, in the caller's transaction.
    /// The sync layer calls it; a tool that loads rows in bulk (the benchmark's seeding) calls it
    /// after each row it inserts itself.
    public func derive(from record: ArrivedRecord, _ transaction: any StoreTransaction) throws {
        try body(record, transaction)
    }

    /// Derives what the domain derives once from the records of a station's push the hub took, in
    /// the push's transaction.
    public func settle(received records: [ArrivedRecord], _ transaction: any StoreTransaction) throws {
        guard let received, !records.isEmpty else { return }
        try received(records, transaction)
    }
}

/// A record just written to its table: its id and the fields the write carried (all of them when
/// the record is new).
public struct ArrivedRecord: Sendable {
    public let id: String
    public let fields: [String: SyncValue]

    public init(id: String, fields: [String: SyncValue]) {
        self.id = id
        self.fields = fields
    }

    /// A text field the write carried, or `nil` when it did not carry it or it is null.
    public func text(_ field: String) -> String? {
        if case .text(let value) = fields[field] { return value }
        return nil
    }

    /// An integer field the write carried, or `nil`.
    public func integer(_ field: String) -> Int64? {
        if case .integer(let value) = fields[field] { return value }
        return nil
    }

    /// Whether the write carried any of the fields.
    public func carries(anyOf names: some Sequence<String>) -> Bool {
        names.contains { fields[$0] != nil }
    }
}

/// A record whose derived rows cannot be made from it (a voucher whose lines are not JSON): the
/// change's fault, so it is quarantined like one a constraint refused, and the queue goes on.
public struct UnderivableRecord: Error, CustomStringConvertible {
    public let collection: String
    public let reason: String

    public init(collection: String, reason: String) {
        self.collection = collection
        self.reason = reason
    }

    public var description: String { "\(collection): \(reason)" }
}
