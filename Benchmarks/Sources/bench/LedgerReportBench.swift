import SyncSQLite
import ChinaLocale
import Foundation
import SQLiteBaselines
import Ledger
import LedgerSQLite
import Storage
import Sync

/// Time to produce a village's trial balance and balance sheet over ten years of books (50,000
/// vouchers), through the ledger module, against the same sums computed by one SQL query each on
/// the same file in the same run.
///
/// Vouchers are laid down as posted (two to four lines each, household sub-accounts under 113
/// among them); the trial balance spans the last year with its opening balances from the nine
/// before, and the balance sheet is at the last month's end.
struct LedgerReportBench {
    let vouchers: Int
    let runs: Int
    static let village = "441422107201"

    func run() async throws -> [Figure] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store.open(
            path: folder.appendingPathComponent("ledger.sqlite").path, role: "county",
            schema: Schema(modules: [SyncSchema.migrations, LedgerSchema.migrations]))
        let county = try Replica(store: store, role: .county, collections: LedgerCollections.all)
        try await ChartPublisher(replica: county).publishCharts()
        let load = try await Measure.time { try await fill(store) }
        let lines = try await SQLiteBaselines.rowCount(of: "ledger_line", in: store)
        print("filled \(vouchers.formatted()) vouchers (\(lines.formatted()) lines) in \(String(format: "%.0f", Measure.seconds(load))) s")

        let books = LedgerQueries(store: store)
        var trial: [Duration] = [], bareTrial: [Duration] = [], sheet: [Duration] = [], bareSheet: [Duration] = []
        for index in 0..<runs {
            let projectFirst = index % 2 == 0
            if !projectFirst { bareTrial.append(try await Measure.time { try await Self.oneQueryTrial(store) }) }
            trial.append(try await Measure.time { _ = try await books.trialBalance(village: Self.village, from: "2026-01", through: "2026-12") })
            if projectFirst { bareTrial.append(try await Measure.time { try await Self.oneQueryTrial(store) }) }
            if !projectFirst { bareSheet.append(try await Measure.time { try await Self.oneQuerySheet(store) }) }
            sheet.append(try await Measure.time { _ = try await books.balanceSheet(village: Self.village, at: "2026-12") })
            if projectFirst { bareSheet.append(try await Measure.time { try await Self.oneQuerySheet(store) }) }
        }
        return [
            figure("trial balance of 2026 with opening balances from 2017–2025", trial, bareTrial),
            figure("balance sheet at 2026-12", sheet, bareSheet),
        ]
    }

    func figure(_ name: String, _ project: [Duration], _ bare: [Duration]) -> Figure {
        Figure(
            name: "\(name): median of \(project.count), \(vouchers.formatted()) vouchers",
            value: Measure.milliseconds(Measure.median(project)), baseline: "one SQL query \(Measure.milliseconds(Measure.median(bare)))",
            ratio: "\(Measure.ratio(Measure.median(project), Measure.median(bare)))×", goal: "reported beside the one-query sums")
    }

    static func oneQueryTrial(_ store: Store) async throws {
        _ = try SQLiteBaselines.trialBalanceInOneQuery(village: village, in: store)
    }

    static func oneQuerySheet(_ store: Store) async throws {
        _ = try SQLiteBaselines.balancesInOneQuery(village: village, in: store)
    }

    /// Ten years, 2017–2026, vouchers spread evenly over the months, inserted as posted.
    func fill(_ store: Store) async throws {
        let pairs: [(String, String, Bool)] = [
            ("102", "503", false), ("101", "102", false), ("513", "101", false), ("113", "501", true), ("102", "113", true),
            ("514", "113", true), ("113", "101", true), ("512", "214", false), ("151", "102", false), ("102", "502", false),
        ]
        let perMonth = max(1, vouchers / 120)
        let subaccounts = SQLiteBulkInsert(table: "ledger_subaccount", columns: ["id", "village_code", "account", "code", "name", "household"])
        try await subaccounts.insert(
            (1...50).map { household in
                let code = "113\(String(format: "%03d", household))"
                return [.text("\(Self.village):\(code)"), .text(Self.village), "113", .text(code), .text("农户\(household)"), .integer(1)]
            }, into: store)
        let posted = SQLiteBulkInsert(
            table: "ledger_voucher",
            columns: [
                "id", "village_code", "period", "number", "voucher_date", "lines", "attachments", "preparer", "reviewer", "poster",
                "posted_at", "chain_index", "previous_hash", "hash",
            ])
        for month in 0..<120 {
            let period = String(format: "%04d-%02d", 2017 + month / 12, month % 12 + 1)
            let vouchers: [[String: SyncValue]] = (0..<perMonth).map { index in
                let number = month * perMonth + index + 1
                let (debit, credit, household) = pairs[(number * 7 + index) % pairs.count]
                let sub = household ? "\"subaccount\":\"113\(String(format: "%03d", number % 50 + 1))\"," : ""
                let amount = 1_000 + (number * 7_919) % 500_000
                let debitSub = debit == "113" ? sub : "", creditSub = credit == "113" ? sub : ""
                let lines = """
                    [{"account":"\(debit)","credit_fen":0,"debit_fen":\(amount),\(debitSub)"summary":"业务\(number)"},\
                    {"account":"\(credit)","credit_fen":\(amount),"debit_fen":0,\(creditSub)"summary":"业务\(number)"}]
                    """
                let day = String(format: "%@-%02d", period, index % 28 + 1)
                return [
                    "id": .text("v\(number)"), "village_code": .text(Self.village), "period": .text(period),
                    "number": .integer(Int64(index + 1)), "voucher_date": .text(day), "lines": .text(lines), "attachments": 1,
                    "preparer": "李会计", "reviewer": "王审核", "poster": "农经站", "posted_at": .text("\(day)T10:00:00+08:00"),
                    "chain_index": .integer(Int64(number)), "previous_hash": "", "hash": "",
                ]
            }
            try await posted.insert(vouchers.map { voucher in posted.columns.map { voucher[$0]! } }, into: store) { index, transaction in
                // Its lines laid out as a voucher arriving through sync has them.
                let voucher = vouchers[index]
                guard case .text(let id) = voucher["id"] else { return }
                try LedgerArrivals.voucher.derive(from: ArrivedRecord(id: id, fields: voucher), transaction)
            }
        }
    }
}
