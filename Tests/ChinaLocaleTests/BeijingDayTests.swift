import ChinaLocale
import Foundation
import Testing

/// Days and instants as people in China read them: a Beijing date changes at 16:00 UTC, and only
/// dates that exist are accepted.
@Suite struct BeijingDayTests {
    @Test func aDayChangesAtMidnightInBeijingNotInGreenwich() {
        #expect(BeijingDay(Date(timeIntervalSince1970: 16 * 3600 - 1)).text == "1970-01-01")
        #expect(BeijingDay(Date(timeIntervalSince1970: 16 * 3600)).text == "1970-01-02")
        #expect(BeijingDay(Date(timeIntervalSince1970: -8 * 3600)).text == "1970-01-01")
        #expect(BeijingDay(Date(timeIntervalSince1970: -8 * 3600 - 1)).text == "1969-12-31")
    }

    @Test func onlyDatesThatExistAreRead() {
        #expect(BeijingDay("2024-02-29")?.text == "2024-02-29")
        #expect(BeijingDay("2000-02-29") != nil)
        for impossible in ["2026-02-29", "2100-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-1-5", "26-01-05", "2026/01/05", ""] {
            #expect(BeijingDay(impossible) == nil, "\(impossible)")
        }
    }

    @Test func everyDayFromTheYear1000To9999ReadsBackAsItself() {
        let first = BeijingDay("1000-01-01")!, last = BeijingDay("9999-12-31")!
        for ordinal in stride(from: first.ordinal, through: last.ordinal, by: 97) {
            let day = BeijingDay(ordinal: ordinal)
            #expect(BeijingDay(day.text) == day, "\(day.text)")
        }
        #expect(last.days(since: first) == 3_287_181)
        #expect(BeijingDay("2026-12-31")!.adding(days: 1).text == "2027-01-01")
    }

    @Test func aDayIsWrittenAndReadInJSONAsItsText() throws {
        let day = BeijingDay("2026-11-20")!
        #expect(String(decoding: try JSONEncoder().encode([day]), as: UTF8.self) == #"["2026-11-20"]"#)
        #expect(try JSONDecoder().decode([BeijingDay].self, from: Data(#"["2026-11-20"]"#.utf8)) == [day])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([BeijingDay].self, from: Data(#"["2026-02-30"]"#.utf8)) }
    }

    @Test func aTimeIsReadOnlyWhenItNamesItsZone() {
        #expect(BeijingTime.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01T08:00:00+08:00")
        let beijing = BeijingTime.instant("2026-11-20T08:00:00+08:00")
        #expect(beijing != nil && beijing == BeijingTime.instant("2026-11-20T00:00:00Z"))
        #expect(BeijingTime.instant("2026-11-20T08:00:00") == nil)
        #expect(BeijingTime.instant("2026-11-20") == nil)
        #expect(BeijingTime.instant(BeijingTime.timestamp(Date(timeIntervalSince1970: 1_795_000_000))) == Date(timeIntervalSince1970: 1_795_000_000))
    }
}
