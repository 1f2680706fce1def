import GRDB
import KioskService
@testable import Ledger
@testable import Prices
import Storage
import StoreInterface
import Sync
import TestSupport
import Testing
@testable import Traceability
import Villages

/// A record declares its columns once, in its coding keys: its collection's synced fields, the
/// fields it is written with and the columns it is read back from are all derived from them. These
/// tests hold the derivations to each other and to the tables the migrations made.
@Suite struct RecordDeclarationTests {
    @Test func everyCollectionsFieldsAreColumnsOfItsTable() throws {
        let folder = try TemporaryFolder()
        let store = try Store.open(path: folder.file("store.sqlite"), role: "kiosk", schema: KioskProgram.schema)
        for collection in KioskProgram.collections {
            let columns = try store.pool.read { db in
                Set(try Row.fetchAll(db, sql: "PRAGMA table_info(\(collection.table))").map { $0["name"] as String })
            }
            let missing = Set(collection.fields + [collection.idColumn]).subtracting(columns)
            #expect(missing.isEmpty, "\(collection.name): \(missing.sorted()) are not columns of \(collection.table)")
        }
    }

    @Test func aRecordsFieldsAreItsCollectionsAndReadBackAsTheRecord() throws {
        let lines = [
            VoucherLine(summary: "收到/发包款", account: "101", debitFen: 120_000),
            VoucherLine(summary: "收到/发包款", account: "502", subaccount: "502-01", creditFen: 120_000),
        ]
        let voucher = Voucher(
            id: "v1", villageCode: "441422107201", period: "2026-05", number: 3, voucherDate: "2026-05-06", lines: lines,
            attachments: 2, preparer: "李会计", reviewer: "王审核", poster: "county", postedAt: "2026-05-06T09:00:00+08:00",
            reverses: nil, draftID: "d1", chainIndex: 7, previousHash: "aa", hash: "bb")
        let fields = try voucher.syncFields()
        // The lines are the very text the chain's hash is taken of.
        #expect(fields["lines"] == .text(try VoucherRules.encoded(lines)))
        #expect(fields["reverses"] == .null)
        try expectRoundTrip(voucher, fields, in: LedgerCollections.voucher)

        let event = TraceEvent(
            id: "e1", villageCode: "441422107201", lotID: "l1", kind: .inspecting, occurredAt: "2026-06-01T07:30:00+08:00",
            readPoint: "", bizLocation: "", disposition: "", sourceName: "", sourceKind: nil, destinationName: "张三",
            destinationKind: .person, quantityG: nil, inputName: "", registrationNumber: "", dose: "", safetyIntervalDays: nil,
            testKind: .selfTest, testItem: "农残", testPassed: false, tester: "站员", inputs: [], outputs: ["l2", "l3"],
            retracts: nil, note: "", recordedBy: "operator-1", recordedAt: "2026-06-01T08:00:00+08:00", retracted: false)
        try expectRoundTrip(event, try event.syncFields(), in: TraceCollections.event, unsynced: ["retracted"])

        let price = PriceObservation(
            id: "p1", bulletinID: nil, villageCode: "441422107201", source: "信息站", varietyCode: "V1", marketID: "m1",
            regionCode: "441422", observedOn: "2026-06-01", minFen: 500, avgFen: 600, maxFen: 700, unit: "元/公斤", spec: "",
            origin: "", volumeKg: 40, corrects: nil, flags: "", recordedBy: "operator-1", recordedAt: "2026-06-01T08:00:00+08:00")
        try expectRoundTrip(price, try price.syncFields(), in: PricesCollections.observation, unsynced: ["bulletin_id"])

        // The catalogue's and the divisions' records, keyed by their codes; a variety's initials as kept.
        let pomelo = Variety(code: "01020101", name: "蜜柚", categoryCode: "010201")
        #expect(pomelo.initials == "my")
        try expectRoundTrip(pomelo, try pomelo.syncFields(), in: PricesCollections.variety)
        let market = Market(id: "M01", name: "梅州农产品批发市场", regionCode: "441402", kind: .wholesale)
        try expectRoundTrip(market, try market.syncFields(), in: PricesCollections.market)
        let village = Village(code: "441422107201", townshipCode: "441422107", name: "侯南村", households: 412, population: 1_630)
        try expectRoundTrip(village, try village.syncFields(), in: VillagesCollections.village)
    }

    /// The record's fields are its collection's, its id and what is left unsynced; read back
    /// from those columns, it is the record again.
    private func expectRoundTrip<Record: SyncRecord & Equatable>(
        _ record: Record, _ fields: [String: SyncValue], in collection: SyncCollection, unsynced: Set<String> = []
    ) throws {
        #expect(Set(fields.keys) == Set(collection.fields).union([collection.idColumn]).union(unsynced))
        #expect(try Record(row: FieldsRow(fields: fields)) == record)
    }
}

/// A row made of a record's sync fields, as any store hands it back.
private struct FieldsRow: StoredRow {
    let fields: [String: SyncValue]

    func optionalText(_ column: String) -> String? {
        if case .text(let text) = fields[column] { return text }
        return nil
    }

    func optionalInteger(_ column: String) -> Int64? {
        if case .integer(let number) = fields[column] { return number }
        return nil
    }
}
