public import StoreInterface

/// A record a ``SyncCollection`` holds, declared once: its coding keys name its columns, the
/// collection's synced fields are derived from them (``SyncCollection/init(name:table:columns:idColumn:unsynced:scope:policy:urgentField:rules:resolvers:redaction:arrival:)``),
/// it is read back from any store by them (``StoredRecord``) and written by them
/// (``SyncFieldEncoder``), so that no list of its fields is written twice.
///
/// ```swift
/// struct ContractPayment: SyncRecord {
///     enum CodingKeys: String, CodingKey, CaseIterable { case id, villageCode, amountFen }
///     ...
/// }
/// try replica.write(transaction, record: payment, id: payment.id, to: LedgerCollections.payment)
/// ```
public protocol SyncRecord: StoredRecord, Encodable {}

extension SyncRecord {
    /// Its fields as the sync layer stores them: snake_case names, one value a column.
    public func syncFields() throws -> [String: SyncValue] { try SyncFieldEncoder.fields(of: self) }
}
