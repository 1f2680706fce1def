public import Sync

/// What the ledger module hands to the sync layer (一数一源):
/// - the charts of accounts and who posts for each village are the county's;
/// - drafts, sub-accounts and the registers (assets, resources, contracts) are the village's
///   master data, merged field by field; money, area, parties and dates are review-worthy, so a
///   concurrent edit of them is kept as a conflict for a person;
/// - posted vouchers, month closes, contract payments, disclosures and the audit trail are
///   append-only facts of the village;
/// - every version of every record is evidence: the county's log keeps them all (`keepsHistory`).
///
/// ```swift
/// let replica = try Replica(store: store, role: .county, collections: LedgerCollections.all)
/// ```
public enum LedgerCollections {
    static func village<Columns: CodingKey & CaseIterable>(
        _ name: String, _ table: String, _ columns: Columns.Type, reviewWorthy: Set<String>? = nil, rules: [ChangeRule] = [],
        arrival: RecordArrival? = nil
    ) -> SyncCollection {
        SyncCollection(
            name: "ledger.\(name)", table: table, columns: columns, scope: .village(column: "village_code"),
            policy: reviewWorthy.map { .mergeable(reviewWorthy: $0) } ?? .appendOnly, rules: rules,
            // The books' conflicts are the bookkeepers' and the agency's reviewers' to resolve.
            resolvers: ["bookkeeper", "reviewer"], arrival: arrival, keepsHistory: true)
    }

    /// A village's collection of facts no record type reads back whole (a month's close).
    static func village(_ name: String, _ table: String, _ fields: [String], rules: [ChangeRule] = []) -> SyncCollection {
        SyncCollection(
            name: "ledger.\(name)", table: table, fields: ["village_code"] + fields, scope: .village(column: "village_code"),
            policy: .appendOnly, rules: rules, resolvers: ["bookkeeper", "reviewer"], keepsHistory: true)
    }

    public static let account = SyncCollection(
        name: "ledger.account", table: "ledger_account", columns: LedgerAccount.CodingKeys.self, scope: .countyWide,
        policy: .countyAuthoritative, keepsHistory: true)
    /// Per village: `county` (the township or county agency keeps the books, the default) or `station`.
    public static let posting = SyncCollection(
        name: "ledger.posting", table: "ledger_posting", fields: ["poster"], scope: .countyWide, policy: .countyAuthoritative,
        keepsHistory: true)
    public static let subaccount = village("subaccount", "ledger_subaccount", SubAccount.CodingKeys.self, reviewWorthy: [],
        rules: LedgerRuleBook.subaccount)
    public static let draft = village("draft", "ledger_draft", VoucherDraft.CodingKeys.self,
        reviewWorthy: ["voucher_date", "lines"], rules: LedgerRuleBook.draft)
    public static let voucher = village("voucher", "ledger_voucher", Voucher.CodingKeys.self,
        rules: LedgerRuleBook.voucher, arrival: LedgerArrivals.voucher)
    public static let close = village("close", "ledger_close", ["period", "closed_by", "closed_at"], rules: LedgerRuleBook.close)
    public static let audit = village("audit", "ledger_audit", AuditEntry.CodingKeys.self)
    public static let asset = village("asset", "ledger_asset", FixedAsset.CodingKeys.self,
        reviewWorthy: ["acquired_on", "original_fen", "residual_fen", "life_months"],
        rules: [LedgerRuleBook.amounts("ledger.asset.amounts", ["original_fen", "residual_fen"])])
    public static let resource = village("resource", "ledger_resource", LandParcel.CodingKeys.self,
        reviewWorthy: ["area_hundredth_mu", "east", "south", "west", "north"])
    public static let contract = village("contract", "ledger_contract", LandContract.CodingKeys.self,
        reviewWorthy: ["party_a", "party_b", "starts_on", "ends_on", "amount_fen", "schedule"],
        rules: [LedgerRuleBook.amounts("ledger.contract.amounts", ["amount_fen"])])
    public static let payment = village("payment", "ledger_payment", ContractPayment.CodingKeys.self,
        rules: [LedgerRuleBook.amounts("ledger.payment.amounts", ["amount_fen"])])
    public static let disclosure = village("disclosure", "ledger_disclosure", Disclosure.CodingKeys.self)

    /// The county's seal on a village's chain head, and on each disclosure (``LedgerSeal``).
    public static let chainSeal = SyncCollection(
        name: "ledger.chain_seal", table: "ledger_chain_seal", fields: ["village_code", "chain_index", "hash", "sealed_at", "seal"],
        scope: .village(column: "village_code"), policy: .countyAuthoritative, keepsHistory: true)
    public static let disclosureSeal = SyncCollection(
        name: "ledger.disclosure_seal", table: "ledger_disclosure_seal", fields: ["village_code", "content_hash", "sealed_at", "seal"],
        scope: .village(column: "village_code"), policy: .countyAuthoritative, keepsHistory: true)

    /// In the order records must arrive.
    public static let all = [
        account, posting, subaccount, draft, voucher, close, audit, asset, resource, contract, payment, disclosure, chainSeal,
        disclosureSeal,
    ]
}
