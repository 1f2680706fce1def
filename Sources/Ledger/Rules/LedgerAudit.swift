import DomainCore
import ChinaLocale
import Foundation
import Sync

/// Writes the audit trail (审计留痕) in the caller's transaction, beside the act it records.
enum LedgerAudit {
    static func record(
        _ action: String, subject: String, by actor: LedgerActor, village: String, note: String = "",
        at now: Date, replica: Replica, _ ledger: any LedgerTransaction
    ) throws {
        let entry = AuditEntry(
            id: RecordID.make(), villageCode: village, action: action, subject: subject, actor: actor.name,
            role: actor.role.rawValue, at: BeijingTime.timestamp(now), note: note)
        try replica.write(ledger, record: entry, id: entry.id, to: LedgerCollections.audit)
    }
}
