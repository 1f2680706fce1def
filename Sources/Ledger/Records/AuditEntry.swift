import Sync
public import StoreInterface

/// Who did what to the books, and when (审计留痕): prepared, submitted, reviewed, rejected, posted,
/// reversed, closed a month, published a disclosure. Append-only, written in the same
/// transaction as the act; conflicts resolved appear beside them from the sync layer's own record.
///
/// ```swift
/// let trail = try await LedgerQueries(store: store).auditTrail(village: "441422107201")
/// trail.first?.action   // "posted"
/// ```
public struct AuditEntry: Codable, Sendable, Equatable {
    public let id: String
    public let villageCode: String
    public let action: String
    public let subject: String
    public let actor: String
    public let role: String
    public let at: String
    public let note: String
}

extension AuditEntry {
    /// Read from whichever store holds it, column by the snake_case name of each coding key.
    public init(row: some StoredRow) throws {
        self = try StoredRowDecoder.decode(Self.self, from: row)
    }
}
