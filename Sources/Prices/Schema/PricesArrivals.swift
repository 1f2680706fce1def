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

    /// A price: counted in its day's sums, unless a correction of it came first (then it is
    /// superseded); what it corrects stops counting, after it is counted itself.
    public static let observation: RecordArrival = RecordArrival { record, transaction in
        let prices = try transaction.prices
        if try !prices.addToDaySums(record) {
            try prices.markSuperseded(record.id)
        }
        if let corrected = record.text("corrects") {
            try prices.supersedeCorrected(corrected)
        }
    }
}
