public import Sync
public import StoreInterface

/// What the ledger module reads and writes in a transaction of its store: the chart, vouchers and
/// their chain, drafts, the lines every report sums, registers, disclosures, the county's seals and
/// the chain checks. Each store's transaction adopts it (`LedgerSQLite` for SQLite); reports,
/// rules, the chain check and publishing are Swift over it.
///
/// ```swift
/// let head = try await store.reading { transaction in try transaction.ledger.chainHead(village: "441422107201") }
/// ```
public protocol LedgerTransaction: StoreTransaction {
    // MARK: The chart and who posts
    func accounts(chart: String) throws -> [LedgerAccount]
    func accountExists(id: String) throws -> Bool
    /// The side that keeps a village's books, if the county has said (`county` or `station`).
    func poster(of village: String) throws -> String?
    func isClosed(_ month: String, village: String) throws -> Bool
    func subaccount(id: String) throws -> SubAccount?
    /// The account a village's sub-account belongs under.
    func parentAccount(ofSubaccount code: String, village: String) throws -> String?
    /// The names of a village's households and of the persons its contracts name.
    func personNames(village: String) throws -> [String]

    // MARK: Vouchers and their chain
    func voucher(id: String) throws -> Voucher?
    func vouchers(village: String, period: String) throws -> [Voucher]
    func isReversed(_ voucherID: String) throws -> Bool
    func nextVoucherNumber(village: String, period: String) throws -> Int
    /// The last entry of a village's chain, or `nil` before its first voucher.
    func chainHead(village: String) throws -> (index: Int, hash: String)?
    /// The hash of one entry of a village's chain.
    func chainHash(village: String, index: Int64) throws -> String?
    /// A village's vouchers after a chain index, in chain order, each as stored (its `lines` as
    /// written, which its hash covers) until `visit` answers `false`.
    func walkChain(village: String, after index: Int, _ visit: (any StoredRow) throws -> Bool) throws
    /// How many lines a voucher laid out, and their sums (as reals, so that an edited store cannot overflow them).
    func lineTotals(ofVoucher id: String) throws -> (count: Int, debit: Double, credit: Double)
    /// A posted voucher's lines laid out for the reports (``LedgerArrivals``).
    func layOutLines(ofVoucher id: String, voucher: [String: SyncValue], lines: [[String: SyncValue]]) throws

    // MARK: Drafts
    func draft(id: String) throws -> VoucherDraft?
    func openDrafts(village: String) throws -> [VoucherDraft]
    func waitingDrafts() throws -> [LedgerQueries.WaitingDrafts]
    /// Drafts submitted or reviewed but not posted, dated in `[from, to)`.
    func waitingDraftCount(village: String, from: String, to: String) throws -> Int

    // MARK: What the reports sum
    func movements(village: String, from: String, to: String, excludingClosings: Bool) throws -> [LedgerMovement]
    /// Each account's balance before `start` and its debits and credits in `[start, end)`.
    func trialBalanceSums(village: String, start: String, end: String) throws -> [(account: String, opening: Int64, debit: Int64, credit: Int64)]
    /// Each account's and sub-account's balance (debit − credit) before `end`.
    func balances(village: String, before end: String) throws -> [(account: String, subaccount: String, balance: Int64)]
    /// One account's (or sub-account's) balance, debit − credit, before a date.
    func balance(village: String, account: String, subaccount: String?, before date: String) throws -> Int64
    /// Lines in `[from, to)`, by date, of one account (and sub-account) or of all, optionally without year-end closings.
    func lines(village: String, account: String?, subaccount: String?, from: String, to: String, excludingClosings: Bool) throws
        -> [LedgerLineEntry]
    func householdBalances(village: String, before end: String) throws -> [HouseholdBalance]
    func auditEntries(village: String, limit: Int) throws -> [AuditEntry]

    // MARK: Registers
    func assets(village: String) throws -> [FixedAsset]
    func resources(village: String) throws -> [LandParcel]
    func contracts(village: String) throws -> [LandContract]
    func contract(id: String) throws -> LandContract?
    func payment(id: String) throws -> ContractPayment?
    func paymentsReceived(contract id: String) throws -> Int64
    func asset(id: String) throws -> FixedAsset?
    func resource(id: String) throws -> LandParcel?

    // MARK: Disclosures and the county's seals
    func disclosure(id: String) throws -> Disclosure?
    func disclosureSummaries(village: String) throws -> [LedgerQueries.DisclosureSummary]
    func disclosureCount(village: String, period: String) throws -> Int
    /// A village's sealed disclosures, with the content hash and the seal the county gave each.
    func sealedDisclosures(village: String) throws -> [(disclosure: StoredDisclosure, contentHash: String, seal: String)]
    /// A village's disclosures the county has not sealed yet (none, once it has caught up).
    func unsealedDisclosures(village: String) throws -> [StoredDisclosure]
    func chainSeal(village: String) throws -> (index: Int64, hash: String, seal: String)?

    // MARK: Chain checks
    func recordChainCheck(_ report: VoucherChain.Report, at: String) throws
    /// The chain as the last whole check found it, if the entry it ended on is still held.
    func lastWholeCheck(village: String) throws -> (index: Int, hash: String)?
    func brokenChecks() throws -> [VoucherChain.Report]
    /// What a station last reported of its chain.
    func stationChain(station: String) throws -> StationChainReport?
    func recordStationChain(_ report: StationChainReport, village: String, at: String) throws
}

extension StoreTransaction {
    /// The transaction as the ledger module reads and writes in it.
    public var ledger: any LedgerTransaction {
        get throws { try self.as((any LedgerTransaction).self) }
    }
}

/// One account's sums of lines, in 分.
public struct LedgerMovement: Sendable {
    public let account: String
    public let debit: Int64
    public let credit: Int64

    public init(account: String, debit: Int64, credit: Int64) {
        (self.account, self.debit, self.credit) = (account, debit, credit)
    }
}

/// A line of a posted voucher, as the reports and journals read it.
public struct LedgerLineEntry: Sendable {
    public let voucherDate: String
    public let period: String
    public let number: Int
    public let account: String
    public let summary: String
    public let debitFen: Int64
    public let creditFen: Int64

    public init(voucherDate: String, period: String, number: Int, account: String, summary: String, debitFen: Int64, creditFen: Int64) {
        (self.voucherDate, self.period, self.number, self.account) = (voucherDate, period, number, account)
        (self.summary, self.debitFen, self.creditFen) = (summary, debitFen, creditFen)
    }
}

/// A disclosure as stored, its content as written (which its seal covers).
public struct StoredDisclosure: Sendable {
    public let id: String
    public let period: String
    public let title: String
    public let content: String

    public init(id: String, period: String, title: String, content: String) {
        (self.id, self.period, self.title, self.content) = (id, period, title, content)
    }
}

/// What a station last reported of its chain, and what the county made of it.
public struct StationChainReport: Sendable, Equatable {
    public let station: String
    public let index: Int64
    public let hash: String
    public let highestIndex: Int64
    public let problem: String?

    public init(station: String, index: Int64, hash: String, highestIndex: Int64, problem: String?) {
        (self.station, self.index, self.hash, self.highestIndex, self.problem) = (station, index, hash, highestIndex, problem)
    }
}
