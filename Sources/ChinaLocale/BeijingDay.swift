public import Foundation

/// A calendar day in Beijing time (UTC+8, no daylight saving), as `YYYY-MM-DD`: the day a price
/// was observed, a notice takes effect, a voucher is dated. Dates people see are Beijing dates.
///
/// ```swift
/// let today = BeijingDay.today()
/// let weekAgo = today.adding(days: -7)
/// BeijingDay("2026-11-20")?.text     // "2026-11-20"
/// today.days(since: weekAgo)         // 7
/// ```
public struct BeijingDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// Parses `YYYY-MM-DD`, refusing impossible dates such as `2026-02-30`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...Self.daysIn(month, of: year)).contains(day)
        else { return nil }
        self.ordinal = Self.ordinal(year: year, month: month, day: day)
    }

    /// The day it is in Beijing at an instant.
    public init(_ instant: Date) {
        ordinal = Int(((instant.timeIntervalSince1970 + 8 * 3600) / 86_400).rounded(.down))
    }

    public static func today(now: Date = Date()) -> BeijingDay { BeijingDay(now) }

    public func adding(days: Int) -> BeijingDay { BeijingDay(ordinal: ordinal + days) }

    public func days(since other: BeijingDay) -> Int { ordinal - other.ordinal }

    /// `YYYY-MM-DD`.
    public var text: String {
        let (year, month, day) = civil
        return Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2)
    }

    /// Zero-padded digits, without `String(format:)`, which costs more than the rest of a day's arithmetic.
    static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    public var description: String { text }

    public static func < (lhs: BeijingDay, rhs: BeijingDay) -> Bool { lhs.ordinal < rhs.ordinal }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = BeijingDay(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    // Howard Hinnant's days-from-civil and civil-from-days.
    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    var civil: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
