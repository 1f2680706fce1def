import DomainCore
import Foundation
import Sync
public import StoreInterface

/// A posted journal voucher (已记账凭证): numbered without gaps in its month by the side that
/// keeps the village's books, and a link of the village's hash chain. It is never edited or
/// deleted; a red reversing voucher (红字冲销) that names it corrects it.
///
/// ```swift
/// let posted = try await VoucherPoster(replica: county).post(draftID: draft.id, by: agency)
/// posted.number   // 1 for the month's first
/// ```
public struct Voucher: Codable, Sendable, Equatable {
    public let id: String
    public let villageCode: String
    /// `YYYY-MM`.
    public let period: String
    public let number: Int
    public let voucherDate: String
    public let lines: [VoucherLine]
    public let attachments: Int
    public let preparer: String
    public let reviewer: String
    public let poster: String
    public let postedAt: String
    /// The voucher this one reverses (红字冲销), if it is a reversal.
    public let reverses: String?
    public let draftID: String?
    /// Its place in the village's chain, from 1, and the hashes that link it.
    public let chainIndex: Int
    public let previousHash: String
    public let hash: String

    enum CodingKeys: String, CodingKey {
        case id, villageCode, period, number, voucherDate, lines, attachments, preparer, reviewer, poster, postedAt
        case reverses, chainIndex, previousHash, hash
        case draftID = "draftId"
    }

    public init(row: some StoredRow) throws {
        id = row.text("id")
        villageCode = row.text("village_code")
        period = row.text("period")
        number = Int(row.integer("number"))
        voucherDate = row.text("voucher_date")
        lines = try JSONCoding.decoder.decode([VoucherLine].self, from: Data(row.text("lines").utf8))
        attachments = Int(row.integer("attachments"))
        preparer = row.text("preparer")
        reviewer = row.text("reviewer")
        poster = row.text("poster")
        postedAt = row.text("posted_at")
        reverses = row.optionalText("reverses")
        draftID = row.optionalText("draft_id")
        chainIndex = Int(row.integer("chain_index"))
        previousHash = row.text("previous_hash")
        hash = row.text("hash")
    }

    /// Σ debit (= Σ credit), in 分.
    public var totalFen: Int64 { lines.reduce(0) { $0 &+ $1.debitFen } }  // bounded by the rules; never a crash on an edited store
}
