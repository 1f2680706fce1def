public import ChinaLocale
import Foundation
import Sync
public import StoreInterface

/// The price answers people ask the station for, read from local data only, so that they work
/// with no link at all. Every answer says the day its data is from and how old that is.
///
/// Suspect prices (待核实) are returned flagged and left out of averages.
///
/// ```swift
/// let queries = PriceQueries(store: store)
/// let board = try await queries.board()                       // today's board for the county
/// let corn = try await queries.history(variety: "01010301", days: 30)
/// ```
public struct PriceQueries: Sendable {
    let store: any TransactionStore
    /// The day it is in Beijing; tests and benchmarks pass a fixed one.
    let today: @Sendable () -> BeijingDay

    public init(store: any TransactionStore, today: @escaping @Sendable () -> BeijingDay = { BeijingDay.today() }) {
        self.store = store
        self.today = today
    }

    /// How old an answer's data is.
    public struct Freshness: Codable, Sendable, Equatable {
        /// The day of the newest price in the answer, if any.
        public let asOf: String?
        /// Days from that day to today (Beijing); `nil` with no data.
        public let ageDays: Int?
    }

    func freshness(_ day: String?) -> Freshness {
        Freshness(asOf: day, ageDays: day.flatMap(BeijingDay.init).map { today().days(since: $0) })
    }

    /// Percent change from one average to another, to one decimal; `nil` without both.
    static func change(from old: Int64?, to new: Int64?) -> Double? {
        guard let old, let new, old > 0 else { return nil }
        return (Double(new - old) * 1000 / Double(old)).rounded() / 10
    }
}
