import DomainCore
import Foundation
import StoreInterface
public import Sync

/// A journal voucher before it is posted (记账凭证草稿): prepared at the station or the county,
/// submitted, reviewed by someone other than its preparer, then posted by the side that keeps the
/// village's books. Until posted it may change; posted, it becomes a ``Voucher`` and never does.
///
/// ```swift
/// let draft = try await Bookkeeper(replica: station).prepare(entry, by: clerk)
/// draft.status   // .draft
/// ```
public struct VoucherDraft: SyncRecord, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        case draft, submitted, reviewed, rejected, posted
    }

    public let id: String
    public let villageCode: String
    public let voucherDate: String
    public let lines: [VoucherLine]
    public let attachments: Int
    public let preparer: String
    public let status: Status
    public let reviewer: String
    public let reviewNote: String
    /// The posted voucher, once posted.
    public let voucherID: String?
    public let updatedAt: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, villageCode, voucherDate, lines, attachments, preparer, status, reviewer, reviewNote, updatedAt
        case voucherID = "voucherId"
    }
}

/// A voucher as a bookkeeper enters it.
///
/// ```swift
/// VoucherEntry(voucherDate: "2026-03-05", lines: [
///     VoucherLine(summary: "收到村道维修补助", account: "102", debitFen: 5_000_000),
///     VoucherLine(summary: "收到村道维修补助", account: "503", creditFen: 5_000_000)], attachments: 2)
/// ```
public struct VoucherEntry: Codable, Sendable, Equatable {
    public var voucherDate: String
    public var lines: [VoucherLine]
    public var attachments: Int

    public init(voucherDate: String, lines: [VoucherLine], attachments: Int = 0) {
        self.voucherDate = voucherDate
        self.lines = lines
        self.attachments = attachments
    }
}
