import ChinaLocale
public import Foundation
public import Sync
import DomainCore

/// Keeps the village's registers (三资台账): fixed assets, resources and contracts, merged field
/// by field between station and county, and the payments received under contracts.
///
/// ```swift
/// let keeper = RegisterKeeper(replica: station)
/// let lease = try await keeper.add(contract, by: LedgerActor(name: "李会计", role: .preparer))
/// ```
public struct RegisterKeeper: Sendable {
    let replica: Replica
    let village: String?
    let now: @Sendable () -> Date

    public init(replica: Replica, village: String? = nil, now: @escaping @Sendable () -> Date = { Date() }) {
        self.replica = replica
        self.village = replica.village ?? village
        self.now = now
    }

    public func add(_ asset: FixedAsset, by actor: LedgerActor) async throws -> FixedAsset {
        let village = try villageCode(actor)
        guard asset.originalFen >= 50_000, asset.lifeMonths > 12, asset.lifeMonths <= 1_200 else {
            throw DomainError.invalidField(
                "original_fen", message: "固定资产须单价不低于 500 元且使用年限超过一年", messageEN: "a fixed asset is worth at least 500 yuan and lasts over a year")
        }
        guard (0..<asset.originalFen).contains(asset.residualFen) else {
            throw DomainError.invalidField("residual_fen", message: "残值须小于原值", messageEN: "residual_fen must be below original_fen")
        }
        try Self.day(asset.acquiredOn, "acquired_on")
        try Self.text(asset.name, "name")
        let fields = try Self.fields(of: asset, dropping: ["id", "village_code"])
        return try await write(LedgerCollections.asset, fields, village: village, actor: actor) { try $0.asset(id: $1) }
    }

    public func add(_ parcel: LandParcel, by actor: LedgerActor) async throws -> LandParcel {
        let village = try villageCode(actor)
        guard parcel.areaHundredthMu > 0 else {
            throw DomainError.invalidField("area_hundredth_mu", message: "面积须大于 0", messageEN: "area_hundredth_mu must be above zero")
        }
        try Self.text(parcel.name, "name")
        let fields = try Self.fields(of: parcel, dropping: ["id", "village_code"])
        return try await write(LedgerCollections.resource, fields, village: village, actor: actor) { try $0.resource(id: $1) }
    }

    public func add(_ contract: LandContract, by actor: LedgerActor) async throws -> LandContract {
        let village = try villageCode(actor)
        try Self.check(contract)
        let fields = try Self.fields(of: contract, dropping: ["id", "village_code"])
        return try await write(LedgerCollections.contract, fields, village: village, actor: actor) { try $0.contract(id: $1) }
    }

    /// Changes a contract; each field merges on its own, and a concurrent change of its parties,
    /// term, amount or schedule is kept as a conflict for a person to resolve.
    public func amend(contractID: String, _ contract: LandContract, by actor: LedgerActor) async throws -> LandContract {
        try LedgerRoles.require(actor, .preparer, .poster)
        try Self.check(contract)
        return try await replica.writing { transaction in
            let ledger = try transaction.ledger
            guard let held = try ledger.contract(id: contractID),
                replica.village == nil || held.villageCode == replica.village
            else { throw DomainError.notFound("contract \(contractID)", field: "id") }
            try replica.write(ledger, to: LedgerCollections.contract.name, id: contractID, fields: try Self.fields(of: contract, dropping: ["id", "village_code"]))
            try LedgerAudit.record("amended_contract", subject: contractID, by: actor, village: held.villageCode!, at: now(), replica: replica, ledger)
            return try ledger.contract(id: contractID)!
        }
    }

    /// Records money received under a contract.
    public func receive(_ amountFen: Int64, under contractID: String, on day: String, voucherID: String? = nil, by actor: LedgerActor)
        async throws -> ContractPayment
    {
        try LedgerRoles.require(actor, .preparer, .poster)
        try Self.day(day, "paid_on")
        guard amountFen > 0 else { throw DomainError.invalidField("amount_fen", message: "金额须大于 0", messageEN: "amount_fen must be above zero") }
        return try await replica.writing { transaction in
            let ledger = try transaction.ledger
            guard let contract = try ledger.contract(id: contractID),
                let village = contract.villageCode, replica.village == nil || village == replica.village
            else { throw DomainError.notFound("contract \(contractID)", field: "contract_id") }
            let id = RecordID.make()
            try replica.write(
                ledger, to: LedgerCollections.payment.name, id: id,
                fields: [
                    "village_code": .text(village), "contract_id": .text(contractID), "paid_on": .text(day),
                    "amount_fen": .integer(amountFen), "voucher_id": voucherID.map(SyncValue.text) ?? .null, "note": "",
                ])
            return try ledger.payment(id: id)!
        }
    }

    private func write<Record: Sendable>(
        _ collection: SyncCollection, _ fields: [String: SyncValue], village: String, actor: LedgerActor,
        readBack: @escaping @Sendable (any LedgerTransaction, String) throws -> Record?
    ) async throws -> Record {
        try await replica.writing { transaction in
            let ledger = try transaction.ledger
            let id = RecordID.make()
            var fields = fields
            fields["village_code"] = .text(village)
            try replica.write(ledger, to: collection.name, id: id, fields: fields)
            try LedgerAudit.record("registered", subject: "\(collection.name) \(id)", by: actor, village: village, at: now(), replica: replica, ledger)
            return try readBack(ledger, id)!
        }
    }

    func villageCode(_ actor: LedgerActor) throws -> String {
        try LedgerRoles.require(actor, .preparer, .poster)
        return try LedgerRoles.village(village)
    }

    static func check(_ contract: LandContract) throws {
        try text(contract.partyB, "party_b")
        try text(contract.code, "code")
        try day(contract.startsOn, "starts_on")
        try day(contract.endsOn, "ends_on")
        guard contract.startsOn <= contract.endsOn else {
            throw DomainError.invalidField("ends_on", message: "终止日期不能早于起始日期", messageEN: "ends_on must not be before starts_on")
        }
        guard contract.amountFen >= 0 else {
            throw DomainError.invalidField("amount_fen", message: "金额不能为负", messageEN: "amount_fen must not be negative")
        }
        for (index, due) in contract.schedule.enumerated() {
            try day(due.dueOn, "schedule[\(index)].due_on")
            guard due.amountFen > 0 else {
                throw DomainError.invalidField("schedule[\(index)].amount_fen", message: "应收金额须大于 0", messageEN: "schedule[\(index)].amount_fen must be above zero")
            }
        }
        guard contract.schedule.reduce(0, { $0 + $1.amountFen }) <= contract.amountFen else {
            throw DomainError.invalidField("schedule", message: "收款计划合计超过合同金额", messageEN: "schedule adds up to more than amount_fen")
        }
    }

    @discardableResult
    static func day(_ text: String, _ field: String) throws -> BeijingDay {
        guard let day = BeijingDay(text) else {
            throw DomainError.invalidField(field, message: "日期须为 YYYY-MM-DD", messageEN: "\(field) must be YYYY-MM-DD")
        }
        return day
    }

    static func text(_ text: String, _ field: String) throws {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty, text.count <= 80 else {
            throw DomainError.invalidField(field, message: "须为 1–80 字", messageEN: "\(field) must be 1 to 80 characters")
        }
    }

    /// A register's fields as the sync layer stores them (``SyncRecord``), less those the keeper sets.
    static func fields(of record: some SyncRecord, dropping: Set<String>) throws -> [String: SyncValue] {
        try record.syncFields().filter { !dropping.contains($0.key) }
    }
}
