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
        try replica.write(
            ledger, to: LedgerCollections.audit.name, id: RecordID.make(),
            fields: [
                "village_code": .text(village), "action": .text(action), "subject": .text(subject), "actor": .text(actor.name),
                "role": .text(actor.role.rawValue), "at": .text(BeijingTime.timestamp(now)), "note": .text(note),
            ])
    }
}
