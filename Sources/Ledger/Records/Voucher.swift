import DomainCore
import Foundation
import StoreInterface
public import Sync

/// A posted journal voucher (已记账凭证): numbered without gaps in its month by the side that
/// keeps the village's books, and a link of the village's hash chain. It is never edited or
/// deleted; a red reversing voucher (红字冲销) that names it corrects it.
///
/// ```swift
/// let posted = try await VoucherPoster(replica: county).post(draftID: draft.id, by: agency)
/// posted.number   // 1 for the month's first
/// ```
public struct Voucher: SyncRecord, Sendable, Equatable {
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

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, villageCode, period, number, voucherDate, lines, attachments, preparer, reviewer, poster, postedAt
        case reverses, chainIndex, previousHash, hash
        case draftID = "draftId"
    }

    /// Σ debit (= Σ credit), in 分.
    public var totalFen: Int64 { lines.reduce(0) { $0 &+ $1.debitFen } }  // bounded by the rules; never a crash on an edited store
}
