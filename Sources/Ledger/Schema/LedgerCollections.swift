public import Sync

/// What the ledger module hands to the sync layer (一数一源):
/// - the charts of accounts and who posts for each village are the county's;
/// - drafts, sub-accounts and the registers (assets, resources, contracts) are the village's
///   master data, merged field by field; money, area, parties and dates are review-worthy, so a
///   concurrent edit of them is kept as a conflict for a person;
/// - posted vouchers, month closes, contract payments, disclosures and the audit trail are
///   append-only facts of the village.
///
/// ```swift
/// let replica = try Replica(store: store, role: .county, collections: LedgerCollections.all)
/// ```
public enum LedgerCollections {
    static func village(
        _ name: String, _ table: String, _ fields: [String], reviewWorthy: Set<String>? = nil, rules: [ChangeRule] = [],
        arrival: RecordArrival? = nil
    ) -> SyncCollection {
        SyncCollection(
            name: "ledger.\(name)", table: table, fields: ["village_code"] + fields, scope: .village(column: "village_code"),
            policy: reviewWorthy.map { .mergeable(reviewWorthy: $0) } ?? .appendOnly, rules: rules,
            // The books' conflicts are the bookkeepers' and the agency's reviewers' to resolve.
            resolvers: ["bookkeeper", "reviewer"], arrival: arrival)
    }

    public static let account = SyncCollection(
        name: "ledger.account", table: "ledger_account",
        fields: ["chart", "code", "name", "normal_balance", "account_class", "maps_to"], scope: .countyWide,
        policy: .countyAuthoritative)
    /// Per village: `county` (the township or county agency keeps the books, the default) or `station`.
    public static let posting = SyncCollection(
        name: "ledger.posting", table: "ledger_posting", fields: ["poster"], scope: .countyWide, policy: .countyAuthoritative)
    public static let subaccount = village(
        "subaccount", "ledger_subaccount", ["account", "code", "name", "household"], reviewWorthy: [],
        rules: LedgerRuleBook.subaccount)
    public static let draft = village(
        "draft", "ledger_draft",
        ["voucher_date", "lines", "attachments", "preparer", "status", "reviewer", "review_note", "voucher_id", "updated_at"],
        reviewWorthy: ["voucher_date", "lines"], rules: LedgerRuleBook.draft)
    public static let voucher = village(
        "voucher", "ledger_voucher",
        ["period", "number", "voucher_date", "lines", "attachments", "preparer", "reviewer", "poster", "posted_at", "reverses",
         "draft_id", "chain_index", "previous_hash", "hash"],
        rules: LedgerRuleBook.voucher, arrival: LedgerArrivals.voucher)
    public static let close = village("close", "ledger_close", ["period", "closed_by", "closed_at"], rules: LedgerRuleBook.close)
    public static let audit = village("audit", "ledger_audit", ["action", "subject", "actor", "role", "at", "note"])
    public static let asset = village(
        "asset", "ledger_asset",
        ["number", "name", "category", "operating", "location", "quantity", "acquired_on", "original_fen", "residual_fen",
         "life_months", "funding_source", "custodian", "use_status", "contract_id"],
        reviewWorthy: ["acquired_on", "original_fen", "residual_fen", "life_months"],
        rules: [LedgerRuleBook.amounts("ledger.asset.amounts", ["original_fen", "residual_fen"])])
    public static let resource = village(
        "resource", "ledger_resource",
        ["parcel_code", "name", "land_class", "area_hundredth_mu", "east", "south", "west", "north", "owner", "operation",
         "contract_id"],
        reviewWorthy: ["area_hundredth_mu", "east", "south", "west", "north"])
    public static let contract = village(
        "contract", "ledger_contract",
        ["code", "kind", "party_a", "party_b", "party_b_kind", "subject", "starts_on", "ends_on", "amount_fen", "schedule",
         "meeting_record", "filing_number", "status"],
        reviewWorthy: ["party_a", "party_b", "starts_on", "ends_on", "amount_fen", "schedule"],
        rules: [LedgerRuleBook.amounts("ledger.contract.amounts", ["amount_fen"])])
    public static let payment = village(
        "payment", "ledger_payment", ["contract_id", "paid_on", "amount_fen", "voucher_id", "note"],
        rules: [LedgerRuleBook.amounts("ledger.payment.amounts", ["amount_fen"])])
    public static let disclosure = village(
        "disclosure", "ledger_disclosure", ["period", "title", "published_by", "published_at", "content"])

    /// The county's seal on a village's chain head, and on each disclosure (``LedgerSeal``).
    public static let chainSeal = SyncCollection(
        name: "ledger.chain_seal", table: "ledger_chain_seal", fields: ["village_code", "chain_index", "hash", "sealed_at", "seal"],
        scope: .village(column: "village_code"), policy: .countyAuthoritative)
    public static let disclosureSeal = SyncCollection(
        name: "ledger.disclosure_seal", table: "ledger_disclosure_seal", fields: ["village_code", "content_hash", "sealed_at", "seal"],
        scope: .village(column: "village_code"), policy: .countyAuthoritative)

    /// In the order records must arrive.
    public static let all = [
        account, posting, subaccount, draft, voucher, close, audit, asset, resource, contract, payment, disclosure, chainSeal,
        disclosureSeal,
    ]
}
