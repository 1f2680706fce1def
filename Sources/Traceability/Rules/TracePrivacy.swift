import ChinaLocale
import Sync

/// What a station outside a lot's village receives of its records (DESIGN: personal data stays
/// home): a natural person's name and phone masked, a business's name as it is. Only the village's
/// own station and the county hold them whole; the lookup masks them on display everywhere.
///
/// ```swift
/// TraceCollections.lot.redaction   // TracePrivacy.masking(party: "producer_name", kind: "producer_kind", phone: "producer_phone")
/// ```
enum TracePrivacy {
    /// Masks the party field (and its phone) where the kind field says a natural person.
    static func masking(_ parties: [(name: String, kind: String, phone: String?)]) -> SyncCollection.Redaction {
        SyncCollection.Redaction { fields, stored in
            var fields = fields
            for party in parties {
                let named = fields[party.name] != nil || party.phone.map { fields[$0] != nil } == true
                guard named else { continue }
                let kindValue = try fields[party.kind] ?? stored(party.kind)
                let kind = if case .text(let text) = kindValue { PartyKind(rawValue: text) } else { PartyKind?.none }
                guard kind?.isNaturalPerson == true else { continue }  // as the lookup masks on display
                if case .text(let name) = fields[party.name] { fields[party.name] = .text(PersonalDataMask.name(name)) }
                if let phone = party.phone, case .text(let number) = fields[phone], !number.isEmpty {
                    fields[phone] = .text(PersonalDataMask.phone(number))
                }
            }
            return fields
        }
    }
}
