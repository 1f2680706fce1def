import StoreInterface
public import Sync

/// A fixed asset of the collective (固定资产登记): life over a year and value of at least 500 元,
/// depreciated straight-line from the month after it was acquired (``Depreciation``).
///
/// ```swift
/// let asset = FixedAsset(number: "GD-001", name: "村部办公楼", category: "房屋", acquiredOn: "2020-06-15",
///                        originalFen: 120_000_000, lifeMonths: 360)
/// ```
public struct FixedAsset: SyncRecord, Sendable, Equatable {
    public var id: String?
    public var villageCode: String?
    public var number: String
    public var name: String
    public var category: String
    /// 经营性 (true) or 非经营性.
    public var operating: Bool
    public var location: String
    public var quantity: Int
    public var acquiredOn: String
    public var originalFen: Int64
    public var residualFen: Int64
    public var lifeMonths: Int
    public var fundingSource: String
    public var custodian: String
    /// 自用, 出租, 出借 or 闲置.
    public var useStatus: String
    public var contractID: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, villageCode, number, name, category, operating, location, quantity, acquiredOn, originalFen, residualFen
        case lifeMonths, fundingSource, custodian, useStatus
        case contractID = "contractId"
    }

    public init(
        number: String, name: String, category: String, operating: Bool = true, location: String = "", quantity: Int = 1,
        acquiredOn: String, originalFen: Int64, residualFen: Int64 = 0, lifeMonths: Int, fundingSource: String = "",
        custodian: String = "", useStatus: String = "自用", contractID: String? = nil
    ) {
        (self.number, self.name, self.category, self.operating, self.location) = (number, name, category, operating, location)
        (self.quantity, self.acquiredOn, self.originalFen, self.residualFen) = (quantity, acquiredOn, originalFen, residualFen)
        (self.lifeMonths, self.fundingSource, self.custodian, self.useStatus) = (lifeMonths, fundingSource, custodian, useStatus)
        self.contractID = contractID
    }
}
