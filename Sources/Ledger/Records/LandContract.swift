import DomainCore
import Foundation
import StoreInterface
public import Sync

/// A contract of the collective (合同登记): a lease of land or an asset, a works contract…, with
/// its parties, term, amount, payment schedule, the meeting that decided it and its filing at the
/// township. Payments received are facts of their own (``ContractPayment``), so the next due date
/// and any overdue amount are derived, never typed.
///
/// ```swift
/// let lease = LandContract(code: "HN-2024-03", kind: "土地承包", partyA: "侯南村股份经济合作社", partyB: "张建国",
///                          subject: "东坡茶园 32.5 亩", startsOn: "2024-01-01", endsOn: "2028-12-31", amountFen: 4_875_000,
///                          schedule: [PaymentDue(dueOn: "2024-01-31", amountFen: 975_000)])
/// ```
public struct LandContract: SyncRecord, Sendable, Equatable {
    public var id: String?
    public var villageCode: String?
    public var code: String
    public var kind: String
    public var partyA: String
    public var partyB: String
    /// Whether party B is a natural person, whose name is masked in disclosures.
    public var partyBKind: String
    public var subject: String
    public var startsOn: String
    public var endsOn: String
    public var amountFen: Int64
    public var schedule: [PaymentDue]
    public var meetingRecord: String
    public var filingNumber: String
    public var status: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, villageCode, code, kind, partyA, partyB, partyBKind, subject, startsOn, endsOn, amountFen, schedule
        case meetingRecord, filingNumber, status
    }

    public init(
        code: String, kind: String, partyA: String, partyB: String, partyBKind: String = "person", subject: String,
        startsOn: String, endsOn: String, amountFen: Int64, schedule: [PaymentDue], meetingRecord: String = "",
        filingNumber: String = "", status: String = "履行中"
    ) {
        (self.code, self.kind, self.partyA, self.partyB, self.partyBKind) = (code, kind, partyA, partyB, partyBKind)
        (self.subject, self.startsOn, self.endsOn, self.amountFen, self.schedule) = (subject, startsOn, endsOn, amountFen, schedule)
        (self.meetingRecord, self.filingNumber, self.status) = (meetingRecord, filingNumber, status)
    }
}

/// One instalment of a contract's schedule.
public struct PaymentDue: Codable, Sendable, Equatable {
    public var dueOn: String
    public var amountFen: Int64

    public init(dueOn: String, amountFen: Int64) {
        self.dueOn = dueOn
        self.amountFen = amountFen
    }
}

/// Money received under a contract (收款), a fact of the village.
public struct ContractPayment: SyncRecord, Sendable, Equatable {
    public let id: String
    public let villageCode: String
    public let contractID: String
    public let paidOn: String
    public let amountFen: Int64
    public let voucherID: String?
    public let note: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, villageCode, paidOn, amountFen, note
        case contractID = "contractId", voucherID = "voucherId"
    }
}
