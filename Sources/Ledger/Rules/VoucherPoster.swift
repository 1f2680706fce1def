import ChinaLocale
public import Foundation
public import Sync
import DomainCore

/// Posting (记账): the side that keeps a village's books (the township or county agency by
/// default, or the station where the county says so) numbers a reviewed voucher, gapless in its
/// month, links it into the village's hash chain and keeps it for ever. Only one side posts for a
/// village, so numbers never collide between station and county. A posted voucher is corrected by
/// a red reversing voucher (红字冲销); a month is closed (结账) once its vouchers are posted.
///
/// ```swift
/// let agency = LedgerActor(name: "百侯镇农经站", role: .poster)
/// let voucher = try await VoucherPoster(replica: county).post(draftID: draft.id, by: agency)
/// ```
public struct VoucherPoster: Sendable {
    let replica: Replica
    let now: @Sendable () -> Date

    public init(replica: Replica, now: @escaping @Sendable () -> Date = { Date() }) {
        self.replica = replica
        self.now = now
    }

    public func post(draftID: String, by actor: LedgerActor) async throws -> Voucher {
        try LedgerRoles.require(actor, .poster)
        return try await replica.writing { transaction in
            let ledger = try transaction.ledger
            let draft = try Bookkeeper.draft(draftID, ledger, in: [.reviewed], village: replica.village)
            try requirePoster(for: draft.villageCode, ledger)
            let entry = VoucherEntry(voucherDate: draft.voucherDate, lines: draft.lines, attachments: draft.attachments)
            try VoucherRules.check(entry, village: draft.villageCode, today: BeijingDay(now()), ledger)
            let id = RecordID.make()
            try append(
                id: id, village: draft.villageCode, date: draft.voucherDate, lines: draft.lines, attachments: draft.attachments,
                preparer: draft.preparer, reviewer: draft.reviewer, poster: actor.name, reverses: nil, draftID: draftID, ledger)
            try replica.write(
                ledger, to: LedgerCollections.draft.name, id: draftID,
                fields: [
                    "status": .text(VoucherDraft.Status.posted.rawValue), "voucher_id": .text(id),
                    "updated_at": .text(BeijingTime.timestamp(now())),
                ])
            try LedgerAudit.record("posted", subject: id, by: actor, village: draft.villageCode, at: now(), replica: replica, ledger)
            return try Self.voucher(id, ledger)
        }
    }

    /// Posts a red voucher that cancels a posted one, dated `on` (in an open month).
    public func reverse(voucherID: String, on date: String, reason: String, by actor: LedgerActor) async throws -> Voucher {
        try LedgerRoles.require(actor, .poster)
        return try await replica.writing { transaction in
            let ledger = try transaction.ledger
            let original = try Self.voucher(voucherID, ledger)
            try requirePoster(for: original.villageCode, ledger)
            guard original.reverses == nil else {
                throw DomainError.invalidField("voucher_id", message: "红字凭证不能再冲销", messageEN: "a reversing voucher cannot be reversed")
            }
            if try ledger.isReversed(voucherID) {
                throw DomainError.invalidField("voucher_id", message: "该凭证已冲销", messageEN: "the voucher is already reversed")
            }
            guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw DomainError.invalidField("reason", message: "冲销须写明原因", messageEN: "reason is required")
            }
            guard let day = BeijingDay(date), day <= BeijingDay(now()), day >= BeijingDay(original.voucherDate)! else {
                throw DomainError.invalidField("date", message: "冲销日期须在原凭证之后、不晚于今天", messageEN: "date must be between the voucher's date and today")
            }
            if try ledger.isClosed(LedgerPeriod.month(of: day), village: original.villageCode) {
                throw DomainError.invalidField("date", message: "该月已结账", messageEN: "the month of date is closed")
            }
            let id = RecordID.make()
            try append(
                id: id, village: original.villageCode, date: date, lines: original.lines.map(\.reversed), attachments: 0,
                preparer: actor.name, reviewer: actor.name, poster: actor.name, reverses: voucherID, draftID: nil, ledger)
            try LedgerAudit.record(
                "reversed", subject: voucherID, by: actor, village: original.villageCode, note: reason, at: now(), replica: replica, ledger)
            return try Self.voucher(id, ledger)
        }
    }

    /// Closes a month of a village's books: no voucher dated in it may be posted after.
    public func close(month: String, village: String, by actor: LedgerActor) async throws {
        try LedgerRoles.require(actor, .poster, .supervisor)
        guard let period = LedgerPeriod(month), period.months.count == 1 else {
            throw DomainError.invalidField("period", message: "结账期间须为 YYYY-MM", messageEN: "period must be YYYY-MM")
        }
        try await replica.writing { transaction in
            let ledger = try transaction.ledger
            try requirePoster(for: village, ledger)
            guard try !ledger.isClosed(month, village: village) else {
                throw DomainError.invalidField("period", message: "该月已结账", messageEN: "the month is already closed")
            }
            let waiting = try ledger.waitingDraftCount(village: village, from: period.first, to: period.end)
            guard waiting == 0 else {
                throw DomainError.invalidField(
                    "period", message: "该月还有 \(waiting) 张已提交未记账的凭证", messageEN: "\(waiting) submitted vouchers of the month are not posted")
            }
            try replica.write(
                ledger, to: LedgerCollections.close.name, id: "\(village):\(month)",
                fields: [
                    "village_code": .text(village), "period": .text(month), "closed_by": .text(actor.name),
                    "closed_at": .text(BeijingTime.timestamp(now())),
                ])
            try LedgerAudit.record("closed", subject: month, by: actor, village: village, at: now(), replica: replica, ledger)
        }
    }

    /// Numbers a voucher in its month and links it into the village's chain.
    private func append(
        id: String, village: String, date: String, lines: [VoucherLine], attachments: Int, preparer: String, reviewer: String,
        poster: String, reverses: String?, draftID: String?, _ ledger: any LedgerTransaction
    ) throws {
        let period = String(date.prefix(7))
        let number = try ledger.nextVoucherNumber(village: village, period: period)
        let head = try VoucherChain.head(village: village, ledger)
        let postedAt = BeijingTime.timestamp(now())
        let linesText = try VoucherRules.encoded(lines)
        let hash = VoucherChain.hash(
            of: .init(
                village: village, period: period, number: number, voucherDate: date, lines: linesText, attachments: attachments,
                preparer: preparer, reviewer: reviewer, poster: poster, postedAt: postedAt, reverses: reverses,
                chainIndex: head.index + 1, previousHash: head.hash))
        let voucher = Voucher(
            id: id, villageCode: village, period: period, number: number, voucherDate: date, lines: lines,
            attachments: attachments, preparer: preparer, reviewer: reviewer, poster: poster, postedAt: postedAt,
            reverses: reverses, draftID: draftID, chainIndex: head.index + 1, previousHash: head.hash, hash: hash)
        try replica.write(ledger, record: voucher, id: id, to: LedgerCollections.voucher)
    }

    /// The side that keeps a village's books: `county` unless the county has said `station`.
    static func poster(of village: String, _ ledger: any LedgerTransaction) throws -> String {
        try ledger.poster(of: village) ?? "county"
    }

    /// This side keeps the village's books: the county unless the county has said the station does.
    func requirePoster(for village: String, _ ledger: any LedgerTransaction) throws {
        let poster = try Self.poster(of: village, ledger)
        let here = replica.village == nil ? "county" : "station"
        guard poster == here, replica.village == nil || replica.village == village else {
            throw DomainError(
                kind: .forbidden, code: "not_the_poster",
                message: poster == "county" ? "本村账务由乡镇（县）代理记账，信息站不能记账" : "本村由信息站记账",
                messageEN: "the \(poster) posts this village's vouchers, not the \(here)")
        }
    }

    static func voucher(_ id: String, _ ledger: any LedgerTransaction) throws -> Voucher {
        guard let voucher = try ledger.voucher(id: id) else {
            throw DomainError.notFound("voucher \(id)", field: "voucher_id")
        }
        return voucher
    }
}
