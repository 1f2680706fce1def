import StoreInterface
public import Sync

/// A sub-account (明细科目) a village keeps under a first-level account: one per household under
/// 内部往来 (113), one per bank account under 银行存款 (102), and so on. Master data of the
/// village, merged field by field. A household's name is personal data: masked in disclosures.
///
/// ```swift
/// try await Bookkeeper(replica: station).open(SubAccountEntry(account: "113", code: "113001", name: "张建国", household: true), by: clerk)
/// ```
public struct SubAccount: SyncRecord, Sendable, Equatable {
    public let id: String
    public let villageCode: String
    public let account: String
    public let code: String
    public let name: String
    public let household: Bool

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, villageCode, account, code, name, household
    }
}

/// A sub-account as a bookkeeper opens it.
public struct SubAccountEntry: Codable, Sendable, Equatable {
    public var account: String
    public var code: String
    public var name: String
    public var household: Bool

    public init(account: String, code: String, name: String, household: Bool = false) {
        self.account = account
        self.code = code
        self.name = name
        self.household = household
    }
}
