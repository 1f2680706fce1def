public import Sync

/// What the prices module derives as its records arrive (``RecordArrival``), whichever order they
/// arrive in, through the store's ``PriceTransaction``:
/// - a bulletin's rows laid out as ``PriceObservation``s `<bulletin id>-1`, `-2`, …, so that every
///   query reads one table;
/// - a correction marks the price it corrects `superseded`, whether it arrives before or after it;
/// - each variety's day sums follow the prices that count.
///
/// ```swift
/// PricesCollections.bulletin.arrival    // PricesArrivals.bulletin
/// ```
public enum PricesArrivals {
    /// A bulletin's rows laid out as prices, each counted as a price of its own would be.
    public static let bulletin: RecordArrival = RecordArrival { record, transaction in
        guard record.fields["rows"] != nil else { return }
        try transaction.prices.layOutBulletin(record.id)
    }

    /// Prices: counted in their days' sums, unless a correction of one came first (then it is
    /// superseded); what they correct stops counting, after they are counted themselves. A push's
    /// prices are counted together: a correction among them supersedes its price whichever comes
    /// first, as it would one by one.
    public static let observation: RecordArrival = RecordArrival(together: { records, transaction in
        let prices = try transaction.prices
        for uncounted in try prices.addToDaySums(records) {
            try prices.markSuperseded(uncounted)
        }
        for corrected in records.compactMap({ $0.text("corrects") }) {
            try prices.supersedeCorrected(corrected)
        }
    })
}
