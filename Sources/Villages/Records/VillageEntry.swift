/// A village with the names of its township and county, as people read it.
///
/// ```swift
/// let entry = try await directory.village(code: "441422107201")
/// entry?.fullName   // 大埔县百侯镇侯南村
/// ```
public struct VillageEntry: Codable, Sendable, Equatable {
    public let code: String
    public let name: String
    public let townshipCode: String
    public let townshipName: String
    public let countyName: String
    public let households: Int
    public let population: Int

    public init(
        code: String, name: String, townshipCode: String, townshipName: String, countyName: String,
        households: Int, population: Int
    ) {
        self.code = code
        self.name = name
        self.townshipCode = townshipCode
        self.townshipName = townshipName
        self.countyName = countyName
        self.households = households
        self.population = population
    }

    /// The full name, such as `大埔县百侯镇侯南村`.
    public var fullName: String { countyName + townshipName + name }
}
