/// How near a market is to a village (本县, 本市, 本省, 外省), read off their GB/T 2260 codes: a
/// village's 12-digit code begins with its county's 6 digits, those with its city's 4 and its
/// province's 2. A villager looks for the markets they sell at first.
///
/// ```swift
/// MarketNearness(market: "441402", village: "441422107201")   // .ownCity (梅州)
/// ```
public enum MarketNearness: String, Codable, Sendable, CaseIterable, Comparable {
    case ownCounty = "本县"
    case ownCity = "本市"
    case ownProvince = "本省"
    case farther = "外省"

    public init(market regionCode: String, village: String) {
        let shared = zip(regionCode, village).prefix { $0 == $1 }.count
        self =
            if regionCode.count == 6 && shared >= 6 { .ownCounty }
            else if shared >= 4 { .ownCity }
            else if shared >= 2 { .ownProvince }
            else { .farther }
    }

    /// Nearer first: the order the cases are declared in.
    private var rank: Int {
        switch self {
        case .ownCounty: 0
        case .ownCity: 1
        case .ownProvince: 2
        case .farther: 3
        }
    }

    public static func < (left: MarketNearness, right: MarketNearness) -> Bool { left.rank < right.rank }
}
