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
            let recorded = PriceObservation(
                id: RecordID.make(), bulletinID: nil, villageCode: village, source: "信息站", varietyCode: entry.varietyCode,
                marketID: entry.marketID, regionCode: price.regionCode, observedOn: price.day.text, minFen: price.minFen,
                avgFen: price.avgFen, maxFen: price.maxFen, unit: price.unit.rawValue, spec: entry.spec ?? "",
                origin: entry.origin ?? "", volumeKg: entry.volumeKg, corrects: entry.corrects, flags: price.flagText,
                recordedBy: operatorName, recordedAt: BeijingTime.timestamp())
            try replica.write(transaction, record: recorded, id: recorded.id, to: PricesCollections.observation)
            let id = recorded.id
            return try prices.price(id: id)!
        }
    }
}
