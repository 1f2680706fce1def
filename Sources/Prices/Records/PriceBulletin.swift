public import ChinaLocale
import Foundation
import Sync

/// A county price bulletin (价格行情公告): one day's prices as one signed document.
///
/// It travels as a single county-authoritative record carrying its rows as a JSON array, so that
/// a station verifies one signature per bulletin rather than one per price; ``PricesArrivals`` lays
/// the rows out as ``PriceObservation``s with the ids `<bulletin id>-1`, `-2`, ….
///
/// ```swift
/// let bulletin = PriceBulletin(id: "PB-2026-11-20-1", day: day, source: "县农业农村局", prices: checked)
/// ```
public struct PriceBulletin: Sendable, Equatable {
    public let id: String
    public let day: BeijingDay
    public let source: String
    public let title: String
    public let prices: [CheckedPrice]
    /// The division (行政区划) it is published for, by its code: its stations alone receive it;
    /// `""` for the hub's whole area.
    public let division: String

    public init(id: String, day: BeijingDay, source: String, prices: [CheckedPrice], division: String = "") {
        self.id = id
        self.division = division
        self.day = day
        self.source = source
        self.title = "\(day.text) 农产品价格行情"
        self.prices = prices
    }

    /// The order of each row's values in the document, as ``PricesArrivals`` reads them.
    static let columns = [
        "variety_code", "market_id", "min_fen", "avg_fen", "max_fen", "unit", "spec", "origin", "volume_kg",
        "corrects", "flags",
    ]

    /// The record's synced fields.
    func fields(publishedAt: Date) -> [String: SyncValue] {
        let rows: [[SyncValue]] = prices.map { price in
            [
                .text(price.entry.varietyCode), .text(price.entry.marketID), .integer(price.minFen),
                .integer(price.avgFen), .integer(price.maxFen), .text(price.unit.rawValue),
                .text(price.entry.spec ?? ""), .text(price.entry.origin ?? ""), price.entry.volumeKg.map(SyncValue.integer) ?? .null,
                price.entry.corrects.map(SyncValue.text) ?? .null, .text(price.flagText),
            ]
        }
        return [
            "observed_on": .text(day.text), "source": .text(source), "title": .text(title),
            "published_at": .text(BeijingTime.timestamp(publishedAt)),
            "row_count": .integer(Int64(rows.count)),
            "rows": .text(CompactJSON.encode(rows: rows)), "division": .text(division),
        ]
    }
}
