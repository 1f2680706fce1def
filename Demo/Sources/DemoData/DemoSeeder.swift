public import ChinaLocale
import Ledger
import Notices
import Prices
import Storage
public import Sync
import Traceability
import Villages

/// Fills the county with the demo's sample data; stations receive theirs by sync.
///
/// Each domain adds its own sample data here as it lands. Seeding twice leaves the same data.
///
/// ```swift
/// try await DemoSeeder.seedCounty(countyReplica)
/// ```
public enum DemoSeeder {
    /// The county server's data: the divisions, the policy notices, the price catalogue and `priceDays` days of
    /// bulletins (400 for the demo; tests ask for fewer), the villages' sample traceability, and
    /// `bookMonths` months of 侯南村's books (12 for the demo).
    public static func seedCounty(_ county: Replica, today: BeijingDay = .today(), priceDays: Int = 400, bookMonths: Int = 12)
        async throws
    {
        try await VillageDirectory(store: county.store).publish(SampleCounty.divisions, through: county)
        try await NoticePublisher(replica: county).publish(SampleNotices.notices(endingOn: today))
        let publisher = PricePublisher(replica: county, today: { today })
        try await publisher.publish(SamplePrices.catalogue)
        try await county.writing { transaction in
            let held = try transaction.prices
            guard priceDays > 0, try held.bulletinCount(on: nil) == 0 else { return }
            let catalogue = try held.catalogue()
            let prices = try SamplePrices.prices(endingOn: today, days: priceDays).map {
                try PriceRules.check($0, catalogue: catalogue, today: today)
            }
            _ = try publisher.publish(prices, source: "大埔县农业农村局", transaction)
        }
        try await SampleTrace.seed(through: county, today: today)
        try await ChartPublisher(replica: county).publishCharts()
        try await SampleLedger.seed(through: county, today: today, months: bookMonths)
    }
}
