import StoreInterface
public import Sync

/// An administrative village (行政村): the unit a station serves and a collective keeps books for.
///
/// ```swift
/// let village = Village(code: "441422103201", townshipCode: "441422103", name: "侯南村",
///                       households: 412, population: 1_630)
/// ```
public struct Village: SyncRecord, Sendable, Equatable {
    /// Statistical division code (统计用区划代码), 12 digits: the township's 9 and 3 of its own.
    public var code: String
    public var townshipCode: String
    public var name: String
    /// Registered households (户数).
    public var households: Int
    /// Registered residents (户籍人口).
    public var population: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, townshipCode, name, households, population
    }

    public init(code: String, townshipCode: String, name: String, households: Int, population: Int) {
        self.code = code
        self.townshipCode = townshipCode
        self.name = name
        self.households = households
        self.population = population
    }
}
