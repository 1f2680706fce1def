extension LedgerRoutes {
    struct ActorRequest: Decodable, Sendable { let actor: LedgerActor }
    struct DraftRequest: Decodable, Sendable {
        let entry: VoucherEntry
        let actor: LedgerActor
        let villageCode: String?
    }
    struct ReviewRequest: Decodable, Sendable {
        let approve: Bool
        let note: String?
        let actor: LedgerActor
    }
    struct ReverseRequest: Decodable, Sendable {
        let date: String
        let reason: String
        let actor: LedgerActor
    }
    struct CloseRequest: Decodable, Sendable {
        let period: String
        let actor: LedgerActor
        let villageCode: String?
    }
    struct PublishRequest: Decodable, Sendable {
        let period: String
        let actor: LedgerActor
        let villageCode: String?
        let villageName: String?
    }
    struct SubAccountRequest: Decodable, Sendable {
        let entry: SubAccountEntry
        let actor: LedgerActor
        let villageCode: String?
    }

    struct DisclosureList: Encodable, Sendable { let disclosures: [LedgerQueries.DisclosureSummary] }
    struct DraftList: Encodable, Sendable { let drafts: [VoucherDraft] }
    struct VoucherList: Encodable, Sendable { let vouchers: [Voucher] }
    struct Closed: Encodable, Sendable {
        let villageCode: String
        let period: String
    }
    struct HouseholdList: Encodable, Sendable { let households: [HouseholdBalance] }
    struct AuditList: Encodable, Sendable { let entries: [AuditEntry] }
    struct AssetList: Encodable, Sendable { let assets: [LedgerQueries.AssetLine] }
    struct ResourceList: Encodable, Sendable { let resources: [LandParcel] }
    struct ContractList: Encodable, Sendable { let contracts: [LedgerQueries.ContractLine] }
}
