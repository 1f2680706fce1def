import ChinaLocale
public import Foundation
public import Sync
import DomainCore

/// The village's side of the books before posting: a bookkeeper (报账员) prepares and submits
/// vouchers and opens sub-accounts; a reviewer other than the preparer approves or rejects them.
/// Every act is checked, kept with its audit entry in one transaction, and synced.
///
/// ```swift
/// let books = Bookkeeper(replica: station)
/// let draft = try await books.prepare(entry, by: LedgerActor(name: "李会计", role: .preparer))
/// _ = try await books.submit(draftID: draft.id, by: LedgerActor(name: "李会计", role: .preparer))
/// _ = try await books.review(draftID: draft.id, approve: true, note: "", by: LedgerActor(name: "镇农经站王审核", role: .reviewer))
/// ```
public struct Bookkeeper: Sendable {
    let replica: Replica
    let village: String?
    let now: @Sendable () -> Date

    /// - Parameter village: at the county, the village whose books it keeps.
    public init(replica: Replica, village: String? = nil, now: @escaping @Sendable () -> Date = { Date() }) {
        self.replica = replica
        self.village = replica.village ?? village
        self.now = now
    }

    func villageCode() throws -> String { try LedgerRoles.village(village) }

    public func prepare(_ entry: VoucherEntry, by actor: LedgerActor) async throws -> VoucherDraft {
        try LedgerRoles.require(actor, .preparer)
        let village = try villageCode()
        return try await replica.writing { transaction in
            let ledger = try transaction.ledger
            try VoucherRules.check(entry, village: village, today: BeijingDay(now()), ledger)
            let id = RecordID.make()
            let draft = VoucherDraft(
                id: id, villageCode: village, voucherDate: entry.voucherDate, lines: entry.lines, attachments: entry.attachments,
                preparer: actor.name, status: .draft, reviewer: "", reviewNote: "", voucherID: nil,
                updatedAt: BeijingTime.timestamp(now()))
            try replica.write(ledger, record: draft, id: id, to: LedgerCollections.draft)
            try LedgerAudit.record("prepared", subject: id, by: actor, village: village, at: now(), replica: replica, ledger)
            return try Self.draft(id, ledger)
        }
    }

    /// Changes a draft not yet submitted (or sent back), by its preparer.
    public func amend(draftID: String, _ entry: VoucherEntry, by actor: LedgerActor) async throws -> VoucherDraft {
        try LedgerRoles.require(actor, .preparer)
        return try await replica.writing { transaction in
            let ledger = try transaction.ledger
            let draft = try Self.draft(draftID, ledger, in: [.draft, .rejected], village: village)
            try LedgerRoles.requireSame(actor, draft.preparer, "只有制单人能修改")
            try VoucherRules.check(entry, village: draft.villageCode, today: BeijingDay(now()), ledger)
            try set(draft, [
                "voucher_date": .text(entry.voucherDate), "lines": .text(try VoucherRules.encoded(entry.lines)),
                "attachments": .integer(Int64(entry.attachments)), "status": .text(VoucherDraft.Status.draft.rawValue),
            ], ledger)
            try LedgerAudit.record("amended", subject: draftID, by: actor, village: draft.villageCode, at: now(), replica: replica, ledger)
            return try Self.draft(draftID, ledger)
        }
    }

    public func submit(draftID: String, by actor: LedgerActor) async throws -> VoucherDraft {
        try LedgerRoles.require(actor, .preparer)
        return try await replica.writing { transaction in
            let ledger = try transaction.ledger
            let draft = try Self.draft(draftID, ledger, in: [.draft, .rejected], village: village)
            try LedgerRoles.requireSame(actor, draft.preparer, "只有制单人能提交")
            try set(draft, ["status": .text(VoucherDraft.Status.submitted.rawValue)], ledger)
            try LedgerAudit.record("submitted", subject: draftID, by: actor, village: draft.villageCode, at: now(), replica: replica, ledger)
            return try Self.draft(draftID, ledger)
        }
    }

    /// Approves a submitted voucher or sends it back with a note. A preparer never reviews their own.
    public func review(draftID: String, approve: Bool, note: String, by actor: LedgerActor) async throws -> VoucherDraft {
        try LedgerRoles.require(actor, .reviewer)
        return try await replica.writing { transaction in
            let ledger = try transaction.ledger
            let draft = try Self.draft(draftID, ledger, in: [.submitted], village: village)
            guard actor.name != draft.preparer else {
                throw DomainError(
                    kind: .forbidden, code: "own_voucher", message: "制单人不能审核自己的凭证",
                    messageEN: "a preparer cannot review their own voucher", field: "reviewer")
            }
            if !approve, note.trimmingCharacters(in: .whitespaces).isEmpty {
                throw DomainError.invalidField("note", message: "退回须写明原因", messageEN: "note is required to send a voucher back")
            }
            try set(draft, [
                "status": .text((approve ? VoucherDraft.Status.reviewed : .rejected).rawValue), "reviewer": .text(actor.name),
                "review_note": .text(note),
            ], ledger)
            try LedgerAudit.record(
                approve ? "reviewed" : "rejected", subject: draftID, by: actor, village: draft.villageCode, note: note, at: now(),
                replica: replica, ledger)
            return try Self.draft(draftID, ledger)
        }
    }

    /// Opens a sub-account under a 2023 account (a household under 内部往来).
    public func open(_ entry: SubAccountEntry, by actor: LedgerActor) async throws -> SubAccount {
        try LedgerRoles.require(actor, .preparer)
        let village = try villageCode()
        return try await replica.writing { transaction in
            let ledger = try transaction.ledger
            guard try ledger.accountExists(id: "2023:\(entry.account)") else {
                throw DomainError.invalidField("account", message: "科目不在 2023 年科目表中", messageEN: "account is not a 2023 account")
            }
            guard entry.code.hasPrefix(entry.account), entry.code.count > entry.account.count, entry.code.count <= 12,
                entry.code.allSatisfy(\.isNumber)
            else {
                throw DomainError.invalidField(
                    "code", message: "明细科目编码须以上级科目开头的数字", messageEN: "code must be digits beginning with the account's code")
            }
            let name = entry.name.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name.count <= 40 else {
                throw DomainError.invalidField("name", message: "名称须为 1–40 字", messageEN: "name must be 1 to 40 characters")
            }
            let id = "\(village):\(entry.code)"
            guard try ledger.subaccount(id: id) == nil else {
                throw DomainError.invalidField("code", message: "明细科目编码已存在", messageEN: "code is already opened")
            }
            let opened = SubAccount(
                id: id, villageCode: village, account: entry.account, code: entry.code, name: name, household: entry.household)
            try replica.write(ledger, record: opened, id: id, to: LedgerCollections.subaccount)
            return try ledger.subaccount(id: id)!
        }
    }

    private func set(_ draft: VoucherDraft, _ fields: [String: SyncValue], _ ledger: any LedgerTransaction) throws {
        var fields = fields
        fields["updated_at"] = .text(BeijingTime.timestamp(now()))
        try replica.write(ledger, to: LedgerCollections.draft.name, id: draft.id, fields: fields)
    }

    /// A draft held here, in one of the given states (and of this station's village, at a station).
    static func draft(_ id: String, _ ledger: any LedgerTransaction, in states: Set<VoucherDraft.Status>? = nil, village: String? = nil) throws -> VoucherDraft {
        guard let draft = try ledger.draft(id: id),
            village == nil || draft.villageCode == village
        else { throw DomainError.notFound("voucher draft \(id)", field: "id") }
        if let states, !states.contains(draft.status) {
            throw DomainError(
                kind: .conflict, code: "wrong_state", message: "凭证当前状态为 \(draft.status.rawValue)，不能这样操作",
                messageEN: "the voucher is \(draft.status.rawValue); this needs \(states.map(\.rawValue).sorted().joined(separator: " or "))",
                field: "status")
        }
        return draft
    }
}
