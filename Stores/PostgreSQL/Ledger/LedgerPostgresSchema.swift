public import PostgresStorage

/// The tables of the ledger module on PostgreSQL (the SQLite store's `LedgerSchema`, in its present
/// shape): the chart, vouchers and their chain, their lines as ``LedgerArrivals`` lays them out,
/// drafts, closings, the audit trail, the registers, disclosures, and the county's seals and checks.
///
/// ```swift
/// let schema = PostgresSchema(modules: [SyncPostgresSchema.migrations, LedgerPostgresSchema.migrations])
/// ```
public enum LedgerPostgresSchema {
    public static let migrations: [PostgresMigration] = [
        PostgresMigration(module: "ledger", number: 1, name: "books-registers-seals", sql: books + ";\n" + registers + ";\n" + seals)
    ]

    static let books = """
        CREATE TABLE ledger_account (
            id TEXT PRIMARY KEY, chart TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL,
            normal_balance TEXT NOT NULL, account_class TEXT NOT NULL, maps_to TEXT);
        CREATE TABLE ledger_posting (id TEXT PRIMARY KEY, poster TEXT NOT NULL);
        CREATE TABLE ledger_subaccount (
            id TEXT PRIMARY KEY, village_code TEXT NOT NULL, account TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL,
            household BIGINT NOT NULL DEFAULT 0);
        CREATE INDEX ledger_subaccount_by_code ON ledger_subaccount(village_code, code);
        CREATE TABLE ledger_draft (
            id TEXT PRIMARY KEY, village_code TEXT NOT NULL, voucher_date TEXT NOT NULL, lines TEXT NOT NULL,
            attachments BIGINT NOT NULL DEFAULT 0, preparer TEXT NOT NULL, status TEXT NOT NULL,
            reviewer TEXT NOT NULL DEFAULT '', review_note TEXT NOT NULL DEFAULT '', voucher_id TEXT,
            updated_at TEXT NOT NULL);
        CREATE INDEX ledger_draft_by_status ON ledger_draft(village_code, status);
        CREATE TABLE ledger_voucher (
            id TEXT PRIMARY KEY, village_code TEXT NOT NULL, period TEXT NOT NULL, number BIGINT NOT NULL,
            voucher_date TEXT NOT NULL, lines TEXT NOT NULL, attachments BIGINT NOT NULL, preparer TEXT NOT NULL,
            reviewer TEXT NOT NULL, poster TEXT NOT NULL, posted_at TEXT NOT NULL, reverses TEXT, draft_id TEXT,
            chain_index BIGINT NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL);
        CREATE INDEX ledger_voucher_chain ON ledger_voucher(village_code, chain_index);
        CREATE INDEX ledger_voucher_number ON ledger_voucher(village_code, period, number);
        CREATE INDEX ledger_voucher_reverses ON ledger_voucher(reverses) WHERE reverses IS NOT NULL;
        CREATE TABLE ledger_line (
            voucher_id TEXT NOT NULL, line_no BIGINT NOT NULL, village_code TEXT NOT NULL, period TEXT NOT NULL,
            voucher_date TEXT NOT NULL, number BIGINT NOT NULL, account TEXT NOT NULL, subaccount TEXT NOT NULL DEFAULT '',
            summary TEXT NOT NULL, debit_fen BIGINT NOT NULL, credit_fen BIGINT NOT NULL,
            PRIMARY KEY (voucher_id, line_no));
        CREATE INDEX ledger_line_by_account ON ledger_line(village_code, account, voucher_date);
        CREATE INDEX ledger_line_by_subaccount ON ledger_line(village_code, subaccount, voucher_date) WHERE subaccount <> '';
        CREATE TABLE ledger_close (
            id TEXT PRIMARY KEY, village_code TEXT NOT NULL, period TEXT NOT NULL, closed_by TEXT NOT NULL, closed_at TEXT NOT NULL);
        CREATE TABLE ledger_audit (
            id TEXT PRIMARY KEY, village_code TEXT NOT NULL, action TEXT NOT NULL, subject TEXT NOT NULL, actor TEXT NOT NULL,
            role TEXT NOT NULL, at TEXT NOT NULL, note TEXT NOT NULL DEFAULT '');
        CREATE INDEX ledger_audit_by_village ON ledger_audit(village_code, at);
        CREATE TABLE ledger_chain_check (
            village_code TEXT PRIMARY KEY, checked_at TEXT NOT NULL, entries BIGINT NOT NULL, intact BIGINT NOT NULL,
            first_broken BIGINT, reason TEXT NOT NULL DEFAULT '')
        """

    static let registers = """
        CREATE TABLE ledger_asset (
            id TEXT PRIMARY KEY, village_code TEXT NOT NULL, number TEXT NOT NULL, name TEXT NOT NULL, category TEXT NOT NULL,
            operating BIGINT NOT NULL DEFAULT 1, location TEXT NOT NULL DEFAULT '', quantity BIGINT NOT NULL DEFAULT 1,
            acquired_on TEXT NOT NULL, original_fen BIGINT NOT NULL, residual_fen BIGINT NOT NULL DEFAULT 0,
            life_months BIGINT NOT NULL, funding_source TEXT NOT NULL DEFAULT '', custodian TEXT NOT NULL DEFAULT '',
            use_status TEXT NOT NULL DEFAULT '自用', contract_id TEXT);
        CREATE TABLE ledger_resource (
            id TEXT PRIMARY KEY, village_code TEXT NOT NULL, parcel_code TEXT NOT NULL, name TEXT NOT NULL,
            land_class TEXT NOT NULL, area_hundredth_mu BIGINT NOT NULL, east TEXT NOT NULL DEFAULT '',
            south TEXT NOT NULL DEFAULT '', west TEXT NOT NULL DEFAULT '', north TEXT NOT NULL DEFAULT '',
            owner TEXT NOT NULL DEFAULT '', operation TEXT NOT NULL DEFAULT '', contract_id TEXT);
        CREATE TABLE ledger_contract (
            id TEXT PRIMARY KEY, village_code TEXT NOT NULL, code TEXT NOT NULL, kind TEXT NOT NULL, party_a TEXT NOT NULL,
            party_b TEXT NOT NULL, party_b_kind TEXT NOT NULL DEFAULT 'person', subject TEXT NOT NULL, starts_on TEXT NOT NULL,
            ends_on TEXT NOT NULL, amount_fen BIGINT NOT NULL, schedule TEXT NOT NULL DEFAULT '[]',
            meeting_record TEXT NOT NULL DEFAULT '', filing_number TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT '履行中');
        CREATE TABLE ledger_payment (
            id TEXT PRIMARY KEY, village_code TEXT NOT NULL, contract_id TEXT NOT NULL, paid_on TEXT NOT NULL,
            amount_fen BIGINT NOT NULL, voucher_id TEXT, note TEXT NOT NULL DEFAULT '');
        CREATE INDEX ledger_payment_by_contract ON ledger_payment(contract_id);
        CREATE TABLE ledger_disclosure (
            id TEXT PRIMARY KEY, village_code TEXT NOT NULL, period TEXT NOT NULL, title TEXT NOT NULL,
            published_by TEXT NOT NULL, published_at TEXT NOT NULL, content TEXT NOT NULL);
        CREATE INDEX ledger_disclosure_by_village ON ledger_disclosure(village_code, period)
        """

    /// The county's seals on each village's chain head and disclosures, and what each station last
    /// said of its chain.
    static let seals = """
        CREATE TABLE ledger_chain_seal (
            id TEXT PRIMARY KEY, village_code TEXT NOT NULL, chain_index BIGINT NOT NULL, hash TEXT NOT NULL,
            sealed_at TEXT NOT NULL, seal TEXT NOT NULL);
        CREATE TABLE ledger_disclosure_seal (
            id TEXT PRIMARY KEY, village_code TEXT NOT NULL, content_hash TEXT NOT NULL, sealed_at TEXT NOT NULL,
            seal TEXT NOT NULL);
        CREATE TABLE ledger_station_chain (
            station TEXT PRIMARY KEY, village_code TEXT NOT NULL, chain_index BIGINT NOT NULL, hash TEXT NOT NULL,
            highest_index BIGINT NOT NULL, problem TEXT, reported_at TEXT NOT NULL)
        """
}
