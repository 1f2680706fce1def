/// The scopes of a hub's log that reach a station of a village: the whole hub's area (`""`), each
/// division above the village — its province, city, county and township, the leading 2, 4, 6 and 9
/// digits of its 12-digit code (行政区划代码) — and the village's own. What a province, a city or
/// a county publishes for its division reaches every station beneath it and no other.
///
/// ```swift
/// let scopes = DivisionScopes(village: "441422107201")
/// scopes.all        // ["", "44", "4414", "441422", "441422107", "441422107201"]
/// scopes.contains("441423")   // false: another county
/// ```
public struct DivisionScopes: Sendable, Hashable {
    /// How many scopes ``list`` holds: as many as a 12-digit village has, so that a store's
    /// statement has one shape for every station.
    public static let width = 6
    /// The lengths of a division's code at each level above a village's.
    static let divisionLengths = [2, 4, 6, 9]

    /// The scopes, the widest first, the village's own last.
    public let all: [String]

    public init(village: String) {
        var scopes = [""]
        for length in Self.divisionLengths where length < village.count {
            scopes.append(String(village.prefix(length)))
        }
        if !village.isEmpty { scopes.append(village) }
        all = scopes
    }

    /// The scopes as exactly ``width`` values (the last repeated), for a statement's arguments.
    public var list: [String] {
        Array((all + Array(repeating: all[all.count - 1], count: Self.width)).prefix(Self.width))
    }

    /// Whether a code names a division of the tree: a province, city, county, township or village
    /// (2, 4, 6, 9 or 12 digits).
    public static func isDivision(_ code: String) -> Bool {
        (divisionLengths + [12]).contains(code.count) && code.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Whether a record may be published for this code: a division's, or `""` for the hub's whole area.
    public static func isPublishable(_ code: String) -> Bool { code.isEmpty || isDivision(code) }

    /// Whether a change of this scope reaches the station.
    public func contains(_ scope: String) -> Bool { all.contains(scope) }
}
