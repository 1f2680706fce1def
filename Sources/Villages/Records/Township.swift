import StoreInterface
public import Sync

/// A township (乡镇): towns (镇), townships (乡) and sub-districts (街道) of a county.
///
/// The township office often keeps the villages' books (村账乡管), so it is a party the ledger names.
///
/// ```swift
/// let township = Township(code: "441422103", countyCode: "441422", name: "百侯镇")
/// ```
public struct Township: SyncRecord, Sendable, Equatable {
    /// Statistical division code (统计用区划代码), 9 digits: the county's 6 and 3 of its own.
    public var code: String
    public var countyCode: String
    public var name: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, countyCode, name
    }

    public init(code: String, countyCode: String, name: String) {
        self.code = code
        self.countyCode = countyCode
        self.name = name
    }
}
