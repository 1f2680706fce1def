public import Foundation

/// Instants as people and records in China read them: ISO 8601 with the +08:00 zone.
///
/// ```swift
/// BeijingTime.timestamp(Date(timeIntervalSince1970: 0))   // "1970-01-01T08:00:00+08:00"
/// ```
public enum BeijingTime {
    public static let zone = TimeZone(secondsFromGMT: 8 * 3600)!

    public static func timestamp(_ instant: Date = Date()) -> String {
        Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: zone).format(instant)
    }

    /// An ISO 8601 time that names its zone (`Z` or `±hh:mm`), as the instant it denotes; `nil`
    /// for a time without a zone, which could mean any of several instants.
    public static func instant(_ text: String) -> Date? {
        guard text.count >= 20, text.hasSuffix("Z") || text.dropLast(6).count == 19 else { return nil }
        return try? Date(text, strategy: Date.ISO8601FormatStyle())
    }
}
