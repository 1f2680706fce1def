import ChinaLocale
import Crypto
import Foundation
public import Sync
import StoreInterface

/// The hash chain over a village collective's posted vouchers (凭证哈希链): each voucher's hash
/// covers its content and the previous voucher's hash, so a voucher edited or removed after
/// posting breaks the chain from that entry on, at the station and at the county.
///
/// ```swift
/// let report = try VoucherChain.verify(village: "441422107201", try transaction.ledger)
/// report.firstBroken   // nil when intact; else the chain index of the first bad entry
/// ```
public enum VoucherChain {
    /// The hash of the first voucher's predecessor.
    static let genesis = String(repeating: "0", count: 64)

    /// What a check found.
    public struct Report: Codable, Sendable, Equatable {
        public let villageCode: String
        public let entries: Int
        public let intact: Bool
        /// The chain index of the first entry that is edited, missing or out of place.
        public let firstBroken: Int?
        public let voucher: String?
        public let reason: String

        public init(villageCode: String, entries: Int, intact: Bool, firstBroken: Int?, voucher: String?, reason: String) {
            (self.villageCode, self.entries, self.intact, self.firstBroken) = (villageCode, entries, intact, firstBroken)
            (self.voucher, self.reason) = (voucher, reason)
        }

        /// One line for a person: intact with its length, or the first broken entry and why.
        public var summary: String {
            intact
                ? "\(villageCode): 凭证链完整，\(entries) 条 — chain intact, \(entries) vouchers"
                : "\(villageCode): 凭证链在第 \(firstBroken ?? 0) 条断开（\(voucher ?? "")）：\(reason) — chain broken at entry \(firstBroken ?? 0)"
        }
    }

    /// The hash of a voucher's content, given the hash before it.
    static func hash(of fields: HashedFields) -> String {
        let text = [
            fields.village, fields.period, String(fields.number), fields.voucherDate, fields.lines, String(fields.attachments),
            fields.preparer, fields.reviewer, fields.poster, fields.postedAt, fields.reverses ?? "", String(fields.chainIndex),
            fields.previousHash,
        ].joined(separator: "\u{1F}")
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    struct HashedFields {
        var village, period: String
        var number: Int
        var voucherDate, lines: String
        var attachments: Int
        var preparer, reviewer, poster, postedAt: String
        var reverses: String?
        var chainIndex: Int
        var previousHash: String

        /// A posted voucher's hashed fields, with its lines as stored (the hash covers that text).
        init(_ voucher: Voucher, lines: String) {
            self.init(
                village: voucher.villageCode, period: voucher.period, number: voucher.number, voucherDate: voucher.voucherDate,
                lines: lines, attachments: voucher.attachments, preparer: voucher.preparer, reviewer: voucher.reviewer,
                poster: voucher.poster, postedAt: voucher.postedAt, reverses: voucher.reverses, chainIndex: voucher.chainIndex,
                previousHash: voucher.previousHash)
        }

        init(village: String, period: String, number: Int, voucherDate: String, lines: String, attachments: Int,
             preparer: String, reviewer: String, poster: String, postedAt: String, reverses: String?, chainIndex: Int,
             previousHash: String) {
            (self.village, self.period, self.number, self.voucherDate, self.lines) = (village, period, number, voucherDate, lines)
            (self.attachments, self.preparer, self.reviewer, self.poster, self.postedAt) = (attachments, preparer, reviewer, poster, postedAt)
            (self.reverses, self.chainIndex, self.previousHash) = (reverses, chainIndex, previousHash)
        }
    }

    /// The last link of a village's chain: its index and hash, or 0 and the genesis hash.
    static func head(village: String, _ ledger: any LedgerTransaction) throws -> (index: Int, hash: String) {
        try ledger.chainHead(village: village) ?? (0, genesis)
    }

    /// Walks a village's chain from its first voucher: every index present once, every hash
    /// recomputed, every link to the previous hash, every voucher's lines as the reports read them.
    ///
    /// - Parameter verified: a head this store already walked and found whole (the county's last
    ///   check or seal); the walk then goes on from the entry after it, so that each check costs
    ///   what arrived since, not the village's whole history. Posted vouchers are append-only facts
    ///   (the ledger's rule book refuses another at a held index), so what was whole stays whole.
    public static func verify(
        village: String, after verified: (index: Int, hash: String)? = nil, _ ledger: any LedgerTransaction
    ) throws -> Report {
        let start = verified ?? (0, genesis)
        var expected = start.index + 1
        var previous = start.hash
        var brokenAt: Report?
        func broken(_ index: Int, _ voucher: String?, _ reason: String) -> Bool {
            brokenAt = Report(villageCode: village, entries: expected - 1, intact: false, firstBroken: index, voucher: voucher, reason: reason)
            return false
        }
        try ledger.walkChain(village: village, after: start.index) { row in
            guard let voucher = try? Voucher(row: row) else { return broken(expected, nil, "内容在记账后被改动，已无法读取") }
            let fields = HashedFields(voucher, lines: row.text("lines"))
            let label = "\(fields.period) 第 \(fields.number) 号"
            if fields.chainIndex > expected { return broken(expected, nil, "第 \(expected) 条记账凭证缺失（被删除）") }
            if fields.chainIndex < expected { return broken(fields.chainIndex, label, "第 \(fields.chainIndex) 条重复出现") }
            if fields.previousHash != previous { return broken(expected, label, "与上一条的链接不符") }
            if hash(of: fields) != voucher.hash { return broken(expected, label, "内容在记账后被改动") }
            if try !linesMatch(voucher, ledger) { return broken(expected, label, "明细账与凭证不符") }
            previous = voucher.hash
            expected += 1
            return true
        }
        return brokenAt
            ?? Report(villageCode: village, entries: expected - 1, intact: true, firstBroken: nil, voucher: nil, reason: "完整")
    }

    /// Verifies a village's chain from the head the last check found whole (from the start when
    /// the last check found it broken, or there was none) and records the result, in the caller's
    /// transaction: the county's watch over what stations push (``LedgerArrivals``).
    @discardableResult
    static func checkAndRecord(village: String, _ ledger: any LedgerTransaction) throws -> Report {
        let report = try verify(village: village, after: try ledger.lastWholeCheck(village: village), ledger)
        try ledger.recordChainCheck(report, at: BeijingTime.timestamp())
        return report
    }

    /// Walks the chain, then holds it against the county's seal (``LedgerSeal``): a chain whose
    /// entries were edited and every hash recomputed is whole, but no longer ends as the county
    /// sealed it, and the seal itself cannot be made again without the county's key.
    public static func verify(village: String, _ ledger: any LedgerTransaction, sealedBy key: ChangeSignature?) throws -> Report {
        let walked = try verify(village: village, ledger)
        guard let key, walked.intact, let seal = try LedgerSeal.chainSeal(village: village, ledger, key: key) else { return walked }
        func broken(_ index: Int, _ reason: String) -> Report {
            Report(villageCode: village, entries: walked.entries, intact: false, firstBroken: index, voucher: nil, reason: reason)
        }
        guard seal.valid else { return broken(seal.index, "县级签章被改动 — the county's seal on the chain was altered") }
        guard walked.entries >= seal.index else {
            return broken(
                walked.entries + 1,
                "第 \(walked.entries + 1) 至 \(seal.index) 条记账凭证缺失（县里已签章到第 \(seal.index) 条）— entries were removed after the county sealed entry \(seal.index)")
        }
        let held = try ledger.chainHash(village: village, index: Int64(seal.index))
        guard held == seal.hash else {
            return broken(
                seal.index,
                "与县级签章不符：第 \(seal.index) 条或之前的凭证被改动并重算了哈希 — the chain up to entry \(seal.index) no longer ends as the county sealed it")
        }
        return walked
    }

    private static func linesMatch(_ voucher: Voucher, _ ledger: any LedgerTransaction) throws -> Bool {
        let decoded = voucher.lines
        let held = try ledger.lineTotals(ofVoucher: voucher.id)
        // Summed as reals: amounts edited into the store cannot overflow them.
        return held.count == decoded.count && held.debit == decoded.reduce(0.0) { $0 + Double($1.debitFen) }
            && held.credit == decoded.reduce(0.0) { $0 + Double($1.creditFen) }
    }
}
