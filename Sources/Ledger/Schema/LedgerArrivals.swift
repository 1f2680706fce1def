public import Sync

/// What the ledger module derives as a voucher arrives (``RecordArrival``): its lines laid out one
/// row each, with the voucher's village, period, date and number, so that every report sums one
/// table. A voucher is posted once and never changed, so its lines are laid out once. And once the
/// county has taken a station's push of vouchers, each village's chain is checked from the last
/// entry found whole, in the push's transaction: a push of prices checks nothing.
///
/// ```swift
/// LedgerCollections.voucher.arrival    // LedgerArrivals.voucher
/// ```
public enum LedgerArrivals {
    public static let voucher: RecordArrival = RecordArrival { record, transaction in
        guard let text = record.text("lines") else { return }
        var lines: [[String: SyncValue]] = []
        var reader = SyncJSONReader(Array(text.utf8))
        do {
            try reader.elements { reader in
                var line: [String: SyncValue] = [:]
                try reader.members { reader, key in line[key] = try reader.value() }
                lines.append(line)
            }
        } catch let malformed as SyncJSONReader.Malformed {
            throw UnderivableRecord(collection: LedgerCollections.voucher.name, reason: "lines are not JSON lines: \(malformed)")
        }
        let voucher = Dictionary(uniqueKeysWithValues: ["village_code", "period", "voucher_date", "number"].map {
            ($0, record.fields[$0] ?? .null)
        })
        try transaction.ledger.layOutLines(ofVoucher: record.id, voucher: voucher, lines: lines)
    } received: { vouchers, transaction in
        let ledger = try transaction.ledger
        for village in Set(vouchers.compactMap { $0.text("village_code") }).sorted() {
            try VoucherChain.checkAndRecord(village: village, ledger)
        }
    }
}
