import Foundation
/// A unit prices are quoted in. Every price is kept per 公斤 (kilogram), the canonical unit, and
/// shown per 斤 (half a kilogram) beside it, because villagers think in 斤.
///
/// ```swift
/// PriceUnit("元/斤")?.perKilogram(150)   // 300: 1.50 元/斤 is 3.00 元/公斤
/// PriceUnit.perJin(300)                  // 150
/// ```
public enum PriceUnit: String, CaseIterable, Codable, Sendable {
    case yuanPerKilogram = "元/公斤"
    case yuanPerJin = "元/斤"
    case yuanPerTonne = "元/吨"

    /// Reads a unit as spreadsheets and people write it: `元/公斤`, `元/千克`, `元/kg`, `元/斤`, `元/吨`.
    public init?(_ text: String) {
        if let exact = PriceUnit(rawValue: text) {
            self = exact
            return
        }
        let compact = text.lowercased().filter { !$0.isWhitespace }.replacingOccurrences(of: "／", with: "/")
        switch compact {
        case "元/公斤", "元/千克", "元/kg", "公斤", "千克", "kg": self = .yuanPerKilogram
        case "元/斤", "斤", "元/500克", "元/500g": self = .yuanPerJin
        case "元/吨", "吨", "元/t": self = .yuanPerTonne
        default: return nil
        }
    }

    /// The units named in an error message.
    public static let known = allCases.map(\.rawValue).joined(separator: "、")

    /// A price in this unit as 分 per 公斤, rounded half up to the 分.
    public func perKilogram(_ fen: Int64) -> Int64 {
        switch self {
        case .yuanPerKilogram: fen
        // Saturating: a price so large it overflows is refused as too high, never a crash.
        case .yuanPerJin: fen.multipliedReportingOverflow(by: 2).overflow ? .max : fen * 2
        case .yuanPerTonne: fen / 1000 + (fen % 1000 >= 500 ? 1 : 0)
        }
    }

    /// 分 per 公斤 as 分 per 斤, rounded half up.
    public static func perJin(_ fenPerKilogram: Int64) -> Int64 { (fenPerKilogram + 1) / 2 }
}
