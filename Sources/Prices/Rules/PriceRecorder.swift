public import ChinaLocale
import Foundation
public import Sync
import DomainCore

/// The station's side of prices: an operator records a farm-gate or market price seen in the
/// village; it is kept at once and travels to the county as an append-only fact.
///
/// A correction is a new record naming the one it corrects, which must be the village's own.
///
/// ```swift
/// let recorded = try await PriceRecorder(replica: station).record(entry, by: "operator-1")
/// recorded.flags   // "unit_slip" when it is half or double the previous price
/// ```
public struct PriceRecorder: Sendable {
    let replica: Replica
    let today: @Sendable () -> BeijingDay

    public init(replica: Replica, today: @escaping @Sendable () -> BeijingDay = { BeijingDay.today() }) {
        self.replica = replica
        self.today = today
    }

    public func record(_ entry: PriceEntry, by operatorName: String) async throws -> PriceObservation {
        guard let village = replica.village else {
            throw DomainError(
                kind: .conflict, code: "not_a_station", message: "县级服务器通过价格公告发布价格",
                messageEN: "the county publishes prices as bulletins; stations record them")
        }
        return try await replica.writing { [replica, today] transaction in
            let prices = try transaction.prices
            var price = try PriceRules.check(entry, catalogue: try prices.catalogue(), today: today())
            if let corrected = entry.corrects {
                guard try prices.villageOfPrice(corrected) == village else {
                    throw DomainError.invalidField(
                        "corrects", message: "只能更正本村记录的价格", messageEN: "only this village's own records can be corrected")
                }
            }
            var check = SuspectPriceCheck(
                history: try prices.history(from: price.day, through: price.day, variety: entry.varietyCode, market: entry.marketID))
            price.flags = check.flags(for: price)
            let id = RecordID.make()
            let fields: [String: SyncValue] = [
                "village_code": .text(village), "source": "信息站", "variety_code": .text(entry.varietyCode),
                "market_id": .text(entry.marketID), "region_code": .text(price.regionCode),
                "observed_on": .text(price.day.text), "min_fen": .integer(price.minFen), "avg_fen": .integer(price.avgFen),
                "max_fen": .integer(price.maxFen), "unit": .text(price.unit.rawValue), "spec": .text(entry.spec ?? ""),
                "origin": .text(entry.origin ?? ""), "volume_kg": entry.volumeKg.map(SyncValue.integer) ?? .null,
                "corrects": entry.corrects.map(SyncValue.text) ?? .null, "flags": .text(price.flagText),
                "recorded_by": .text(operatorName),
                "recorded_at": .text(BeijingTime.timestamp()),
            ]
            try replica.write(transaction, to: PricesCollections.observation.name, id: id, fields: fields)
            return try prices.price(id: id)!
        }
    }
}
