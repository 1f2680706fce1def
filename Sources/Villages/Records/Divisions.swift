/// A county with its townships and villages (行政区划): the geography every other record refers to.
///
/// ```swift
/// let divisions = Divisions(county: county, townships: [township], villages: [village])
/// try DivisionRules.validate(divisions)
/// ```
public struct Divisions: Codable, Sendable, Equatable {
    public var county: County
    public var townships: [Township]
    public var villages: [Village]

    public init(county: County, townships: [Township], villages: [Village]) {
        self.county = county
        self.townships = townships
        self.villages = villages
    }
}
