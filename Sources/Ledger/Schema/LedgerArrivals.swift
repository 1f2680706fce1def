import GRDB
public import Sync

/// What the ledger module derives as its records arrive (``RecordArrival``): a posted voucher's
/// lines, which its hash covers as one JSON array, laid out in `ledger_line`, which every report
/// reads. (The chain check runs once a push's vouchers are in: ``LedgerWatch``.)
///
/// ```swift
/// LedgerCollections.voucher.arrival    // LedgerArrivals.voucher
/// ```
public enum LedgerArrivals {
    public static let voucher: RecordArrival = RecordArrival { record, transaction in
        let db = transaction.sqliteDatabase
        guard let lines = record.text("lines") else { return }
        let insert = try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO ledger_line(voucher_id, line_no, village_code, period, voucher_date, number, account,
                    subaccount, summary, debit_fen, credit_fen)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let voucher = ["village_code", "period", "voucher_date", "number"].map { (record.fields[$0] ?? .null).databaseValue }
        var reader = SyncJSONReader(Array(lines.utf8))
        var number = 0
        do {
            try reader.elements { reader in
                var line: [String: SyncValue] = [:]
                try reader.members { reader, key in line[key] = try reader.value() }
                let subaccount: SyncValue = line["subaccount"].flatMap { $0 == .null ? nil : $0 } ?? .text("")
                let values: [SyncValue] = [
                    line["account"] ?? .null, subaccount, line["summary"] ?? .null, line["debit_fen"] ?? .null,
                    line["credit_fen"] ?? .null,
                ]
                var arguments: [DatabaseValue] = [record.id.databaseValue, number.databaseValue]
                arguments += voucher
                arguments += values.map(\.databaseValue)
                try insert.execute(arguments: StatementArguments(arguments))
                number += 1
            }
        } catch let malformed as SyncJSONReader.Malformed {
            throw UnderivableRecord(collection: LedgerCollections.voucher.name, reason: "lines are not JSON lines: \(malformed)")
        }
    }
}
