import StoreInterface
public import Sync

/// Who did what to the books, and when (审计留痕): prepared, submitted, reviewed, rejected, posted,
/// reversed, closed a month, published a disclosure. Append-only, written in the same
/// transaction as the act; conflicts resolved appear beside them from the sync layer's own record.
///
/// ```swift
/// let trail = try await LedgerQueries(store: store).auditTrail(village: "441422107201")
/// trail.first?.action   // "posted"
/// ```
public struct AuditEntry: SyncRecord, Sendable, Equatable {
    public let id: String
    public let villageCode: String
    public let action: String
    public let subject: String
    public let actor: String
    public let role: String
    public let at: String
    public let note: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, villageCode, action, subject, actor, role, at, note
    }
}
