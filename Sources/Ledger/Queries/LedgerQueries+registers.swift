public import ChinaLocale
import Sync
import StoreInterface

extension LedgerQueries {
    /// A fixed asset with its depreciation at a month's end.
    public struct AssetLine: Codable, Sendable {
        public let asset: FixedAsset
        public let monthlyFen: Int64
        public let accumulatedFen: Int64
        public let netFen: Int64
    }

    /// A contract with what has been received, the next instalment and what is overdue.
    public struct ContractLine: Codable, Sendable {
        public let contract: LandContract
        public let receivedFen: Int64
        public let nextDueOn: String?
        public let nextDueFen: Int64?
        public let overdueFen: Int64
        public var overdue: Bool { overdueFen > 0 }
    }

    public func assets(village: String, at month: String) async throws -> [AssetLine] {
        try await store.reading { transaction in
            try transaction.ledger.assets(village: village).map {
                let accumulated = Depreciation.accumulated($0, through: month)
                return AssetLine(asset: $0, monthlyFen: Depreciation.monthly($0), accumulatedFen: accumulated, netFen: $0.originalFen - accumulated)
            }
        }
    }

    public func resources(village: String) async throws -> [LandParcel] {
        try await store.reading { try $0.ledger.resources(village: village) }
    }

    public func contracts(village: String, on today: BeijingDay) async throws -> [ContractLine] {
        try await store.reading { try Self.contracts(try $0.ledger, village: village, on: today) }
    }

    static func contracts(_ ledger: any LedgerTransaction, village: String, on today: BeijingDay) throws -> [ContractLine] {
        try ledger.contracts(village: village).map { contract in
            line(contract, received: try ledger.paymentsReceived(contract: contract.id ?? ""), on: today)
        }
    }

    /// Instalments are met oldest first: the first not fully met is the next due; what fell due
    /// before today and is not met is overdue.
    static func line(_ contract: LandContract, received: Int64, on today: BeijingDay) -> ContractLine {
        var left = received
        var next: PaymentDue?
        var overdue: Int64 = 0
        for due in contract.schedule.sorted(by: { $0.dueOn < $1.dueOn }) {
            let met = min(left, due.amountFen)
            left -= met
            let unpaid = due.amountFen - met
            guard unpaid > 0 else { continue }
            if next == nil { next = PaymentDue(dueOn: due.dueOn, amountFen: unpaid) }
            if due.dueOn < today.text { overdue += unpaid }
        }
        return ContractLine(
            contract: contract, receivedFen: received, nextDueOn: next?.dueOn, nextDueFen: next?.amountFen, overdueFen: overdue)
    }
}
