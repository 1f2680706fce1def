import StoreInterface
public import Sync

/// A county (县, or county-level city 县级市): the area one county server serves.
///
/// County records are county-authoritative: only the county writes them; stations receive them.
///
/// ```swift
/// let county = County(code: "441422", name: "大埔县", city: "梅州市", province: "广东省")
/// ```
public struct County: SyncRecord, Sendable, Equatable {
    /// GB/T 2260 administrative division code (行政区划代码), 6 digits.
    public var code: String
    public var name: String
    public var city: String
    public var province: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name, city, province
    }

    public init(code: String, name: String, city: String, province: String) {
        self.code = code
        self.name = name
        self.city = city
        self.province = province
    }
}
