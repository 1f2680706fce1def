import StoreInterface
public import Sync

/// A product category of NY/T 3177《农产品分类与代码》: codes in 2-digit blocks, each block one level
/// deeper (`01` 种植业产品 → `0101` 谷物 → `010101` 稻谷).
///
/// ```swift
/// let grain = PriceCategory(code: "0101", name: "谷物")
/// grain.parentCode   // "01"
/// ```
public struct PriceCategory: SyncRecord, Sendable, Equatable {
    public let code: String
    public let name: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name
    }

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    /// The category one level up, or `nil` at the top.
    public var parentCode: String? { code.count > 2 ? String(code.dropLast(2)) : nil }
}
