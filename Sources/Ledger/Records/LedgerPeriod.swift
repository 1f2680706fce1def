public import ChinaLocale
import Foundation

/// A month of the books (会计期间, `YYYY-MM`), or a quarter (`YYYY-Qn`) for disclosures.
///
/// ```swift
/// LedgerPeriod("2026-Q1")!.months   // ["2026-01", "2026-02", "2026-03"]
/// ```
public struct LedgerPeriod: Codable, Sendable, Hashable, CustomStringConvertible {
    public let text: String
    public let months: [String]

    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), (1990...2200).contains(year) else { return nil }
        if parts[1].hasPrefix("Q"), let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) {
            months = (1...3).map { String(format: "%04d-%02d", year, (quarter - 1) * 3 + $0) }
        } else if parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) {
            months = [String(format: "%04d-%02d", year, month)]
        } else {
            return nil
        }
        self.text = text
    }

    /// The month a day falls in.
    public static func month(of day: BeijingDay) -> String { String(day.text.prefix(7)) }

    public var year: String { String(text.prefix(4)) }
    public var first: String { months.first! + "-01" }
    /// The first day after the period.
    public var end: String {
        let last = months.last!
        let (year, month) = (Int(last.prefix(4))!, Int(last.suffix(2))!)
        return month == 12 ? String(format: "%04d-01-01", year + 1) : String(format: "%04d-%02d-01", year, month + 1)
    }

    /// "2026年第1季度" or "2026年3月", as a disclosure is titled.
    public var label: String {
        if text.contains("Q") { return "\(year)年第\(text.suffix(1))季度" }
        return "\(year)年\(Int(text.suffix(2))!)月"
    }

    public var description: String { text }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let period = LedgerPeriod(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "period must be YYYY-MM or YYYY-Qn"))
        }
        self = period
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
