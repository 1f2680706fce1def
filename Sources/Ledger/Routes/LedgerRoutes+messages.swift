import WebAPI

extension LedgerRoutes {
    /// The role an act is done in. The name is the logged-in person's; a body that names someone
    /// else is refused.
    struct ActClaim: Decodable, Sendable {
        let role: LedgerActor.Role
        let name: String?

        func actor(_ context: APIRequestContext) throws -> LedgerActor {
            LedgerActor(name: try context.actorName(claimed: name, field: "actor.name"), role: role)
        }
    }
    struct ActorRequest: Decodable, Sendable { let actor: ActClaim }
    struct DraftRequest: Decodable, Sendable {
        let entry: VoucherEntry
        let actor: ActClaim
        let villageCode: String?
    }
    struct ReviewRequest: Decodable, Sendable {
        let approve: Bool
        let note: String?
        let actor: ActClaim
    }
    struct ReverseRequest: Decodable, Sendable {
        let date: String
        let reason: String
        let actor: ActClaim
    }
    struct CloseRequest: Decodable, Sendable {
        let period: String
        let actor: ActClaim
        let villageCode: String?
    }
    struct PublishRequest: Decodable, Sendable {
        let period: String
        let actor: ActClaim
        let villageCode: String?
        let villageName: String?
    }
    struct SubAccountRequest: Decodable, Sendable {
        let entry: SubAccountEntry
        let actor: ActClaim
        let villageCode: String?
    }

    struct DisclosureList: Encodable, Sendable { let disclosures: [LedgerQueries.DisclosureSummary] }
    struct DraftList: Encodable, Sendable { let drafts: [VoucherDraft] }
    struct WaitingList: Encodable, Sendable { let villages: [LedgerQueries.WaitingDrafts] }
    struct AccountList: Encodable, Sendable { let accounts: [LedgerAccount] }
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
