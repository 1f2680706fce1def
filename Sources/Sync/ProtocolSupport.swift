public import Foundation

/// The sync protocol versions a hub accepts, as it states them in every pull reply it signs
/// (DESIGN §2.8, versions coexist): the oldest it accepts now, the one it speaks, and a raise of the
/// oldest announced ahead of its day, so that a station about to be left behind tells its operator
/// months before, and the county sees which stations still run the old release.
///
/// ```swift
/// let support = ProtocolSupport(oldest: 1, raising: .init(to: 2, on: "2027-06-30"))
/// support.oldest(on: "2027-07-01")          // 2
/// support.acceptedUntil(version: 1)         // "2027-06-30"
/// ```
public struct ProtocolSupport: Sendable, Codable, Equatable {
    /// The oldest version accepted before any raise.
    public let oldest: Int
    /// The version the hub speaks.
    public let current: Int
    /// A raise of the oldest version accepted, from a day on.
    public let raising: Raise?

    /// From `on` (a Beijing date, `YYYY-MM-DD`), versions below `to` are refused.
    public struct Raise: Sendable, Codable, Equatable {
        public let to: Int
        public let on: String

        public init(to: Int, on: String) {
            self.to = to
            self.on = on
        }
    }

    public init(oldest: Int = SyncProtocol.previous, current: Int = SyncProtocol.version, raising: Raise? = nil) {
        self.oldest = oldest
        self.current = current
        self.raising = raising
    }

    /// The oldest version accepted on a Beijing date.
    public func oldest(on day: String = ProtocolSupport.today()) -> Int {
        guard let raising, day >= raising.on else { return oldest }
        return max(oldest, raising.to)
    }

    /// The last Beijing date a version is accepted on, if a raise will leave it behind; the day
    /// before the raise. A version already below the oldest is not accepted at all (`""`).
    public func acceptedUntil(version: Int) -> String? {
        if version < oldest { return "" }
        guard let raising, version < raising.to else { return nil }
        return Self.day(before: raising.on)
    }

    /// Reads the hub's setting: `1` (the oldest accepted), or `2 from 2027-06-30` (the oldest
    /// accepted rises to 2 from that Beijing date; until then the previous version's stations are
    /// warned). `nil` for text that says neither.
    public init?(setting: String) {
        let words = setting.split(separator: " ").map(String.init)
        guard let version = words.first.flatMap(Int.init), (1...SyncProtocol.version).contains(version) else { return nil }
        switch words.count {
        case 1: self.init(oldest: version)
        case 3 where words[1] == "from" && Self.isDay(words[2]):
            self.init(oldest: SyncProtocol.previous, raising: Raise(to: version, on: words[2]))
        default: return nil
        }
    }

    /// Today in Beijing, `YYYY-MM-DD`.
    public static func today(_ now: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    static func isDay(_ text: String) -> Bool { text.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil && date(text) != nil }

    static func date(_ day: String) -> Date? {
        try? Date(day + "T00:00:00+08:00", strategy: .iso8601)
    }

    static func day(before day: String) -> String {
        guard let date = date(day) else { return day }
        return today(date.addingTimeInterval(-12 * 3600))
    }
}
