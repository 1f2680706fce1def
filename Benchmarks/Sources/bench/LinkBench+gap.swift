import SyncSQLite
import ChinaLocale
import DemoData
import Foundation
import SQLiteBaselines
import Notices
import Prices
import PricesSQLite
import Sync
import Storage

extension LinkBench {
    /// 100 varieties at 20 markets: 2,000 price rows a day.
    static let catalogue = PriceCatalogue(
        categories: SamplePrices.categories, varieties: Array(PriceQueryBench.varieties.prefix(100)),
        markets: (1...20).map { Market(id: String(format: "M%02d", $0), name: "市场\($0)", regionCode: "441422", kind: .wholesale) })

    /// What the county publishes while the station is away.
    func publishGap(_ county: Replica) async throws {
        let today = BeijingDay.today()
        let publisher = PricePublisher(replica: county, today: { today })
        for offset in stride(from: days - 1, through: 0, by: -1) {
            let day = today.adding(days: -offset)
            try await county.writing { transaction in
                let entries = try Self.dayOfPrices(day, offset: offset, catalogue: try transaction.prices.catalogue(), today: today)
                _ = try publisher.publish(entries, source: "县农业农村局", transaction)
            }
        }
        try await NoticePublisher(replica: county).publish(Array(SampleNotices.notices(endingOn: today).prefix(40)))
        try await SampleLedger.seed(through: county, today: today, months: 12)
    }

    /// A day's bulletin: every variety of ``catalogue`` at each of its markets, checked against the
    /// catalogue the county holds.
    static func dayOfPrices(_ day: BeijingDay, offset: Int, catalogue: CatalogueIndex, today: BeijingDay) throws -> [CheckedPrice] {
        var entries: [CheckedPrice] = []
        for (v, variety) in Self.catalogue.varieties.enumerated() {
            for (m, market) in Self.catalogue.markets.enumerated() {
                let avg = Int64(300 + (v * 37 + m * 11 + offset * 3) % 900)
                let entry = PriceEntry(
                    varietyCode: variety.code, marketID: market.id, observedOn: day.text, minFen: avg - 20, avgFen: avg,
                    maxFen: avg + 20, unit: "元/公斤")
                entries.append(try PriceRules.check(entry, catalogue: catalogue, today: today))
            }
        }
        return entries
    }

    /// Everything in the county's log a station of the village pulls after `position`, as gzip'd
    /// CSV: one line a record of its field values, a bulletin one line a row.
    func gzipCSVBytes(_ county: Replica, after position: Int64) async throws -> Int {
        var csv = ""
        for change in try await SQLiteBaselines.changes(after: position, pulledBy: Self.village, in: county.sqliteStore) {
            let fields = try JSONSerialization.jsonObject(with: change.fields) as? [String: Any] ?? [:]
            if change.collection == PricesCollections.bulletin.name, let lines = fields["rows"] as? [[Any]] {
                for line in lines { csv += line.map { "\($0)" }.joined(separator: ",") + "\n" }
            } else {
                csv += fields.keys.sorted().map { "\(fields[$0] ?? "")" }.joined(separator: ",") + "\n"
            }
        }
        return Measure.gzipBytes(csv)
    }
}
