import AsyncHTTPClient
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
@testable import Ledger
import LedgerSQLite
import NIOCore
import Sync
import StoreInterface
import TestSupport
import Testing
import NIOHTTP1
import NIOFoundationCompat

/// An operator with the kiosk's own API, or with root on the kiosk and its store, against the
/// county's authority and the books' evidence; and what another village's station may hold.
@Suite(.serialized, .timeLimit(.minutes(30))) struct StationAttackTests {
    static let houNan = "441422107201"
    static let beiTang = "441422113203"
    static let juCun = "441422100205"
    let folder = try! TemporaryFolder()

    /// A station of `village` enrolled with the county, synced, with the operator's account: its folder,
    /// one of its own for each county (a case runs once on each store, in the same suite's folder).
    func station(_ village: String, of county: CountyUnderTest) async throws -> String {
        let directory = folder.file("station-\(village)-\(county.port)")
        try await county.station(in: directory, village: village)
        return directory
    }

    func post(_ url: String, _ body: String, token: String?) async throws -> (Int, String) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        request.httpBody = Data(body.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    func store(_ station: String) throws -> DatabaseQueue { try DatabaseQueue(path: station + "/kiosk.sqlite") }

    @Test(arguments: HubStore.allCases) func anOperatorRetractsNeitherTheCountysRecallNorItsOfficialSampling(hub: HubStore) async throws {
        try await CountyUnderTest.withSample(hub, in: folder) { county in
            var ids: [String] = []
            for query in [
                "SELECT id FROM trace_lot WHERE trace_code = '91441422MA4W8C5X12-T0902'", "SELECT id FROM trace_event WHERE kind = 'recalling'",
                "SELECT id FROM trace_event WHERE test_kind = 'official'",
            ] {
                ids.append(try #require(try await county.value(query)).description)
            }
            let (tea, recall, sampling) = (ids[0], ids[1], ids[2])
            let juCun = try await station(Self.juCun, of: county)
            let kiosk = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", juCun])
            let port = try await kiosk.listeningPort()
            for event in [recall, sampling] {
                let (status, body) = try await post(
                    "http://127.0.0.1:\(port)/api/v1/trace/events",
                    #"{"entry": {"lot_id": "\#(tea)", "kind": "retraction", "occurred_at": "2026-11-30T10:00:00+08:00", "retracts": "\#(event)", "note": "弄错了"}}"#,
                    token: try await StationPrices.token(port))
                #expect(status == 403 && body.contains("trace.event.retraction"), "\(status) \(body)")
            }
            kiosk.signal(SIGTERM)
            _ = await kiosk.exitStatus()
            try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", juCun])
            let houNan = try await station(Self.houNan, of: county)
            let reader = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", houNan])
            let (data, _) = try await URLSession.shared.data(
                from: URL(string: "http://127.0.0.1:\(try await reader.listeningPort())/api/v1/trace/lookup?code=91441422MA4W8C5X12-T0902")!)
            #expect(String(decoding: data, as: UTF8.self).contains("已召回"))
            reader.signal(SIGTERM)
            _ = await reader.exitStatus()
            #expect(await county.stop() == 0)
        }
    }

    /// Someone with the station's disk edits a posted voucher and recomputes every hash after it,
    /// and edits a disclosure: the chain check names the edit against the county's seal; at the
    /// next sync the county flags the station, and the station's verification finds the edited
    /// records and takes the county's back, so its books check whole again and show what was posted.
    @Test func anEditOfTheStationsBooksIsNamedEvenWithItsHashesRecomputed() async throws {
        let county = try await CountyUnderTest.sample(in: folder)
        let station = try await station(Self.houNan, of: county)
        let intact = try await ProgramProcess.run("kiosk", ["ledger", "verify", "--data-dir", station])
        #expect(intact.status == 0, "\(intact.output) \(intact.error)")

        let disclosure = try await store(station).write { db in
            var previous: String?
            let vouchers = try Row.fetchAll(
                db, sql: "SELECT * FROM ledger_voucher WHERE village_code = ? ORDER BY chain_index", arguments: [Self.houNan])
            for row in vouchers {
                let voucher = try Voucher(row: row)
                var fields = VoucherChain.HashedFields(voucher, lines: row["lines"])
                if voucher.chainIndex == 3 { fields.attachments += 5 }
                if let previous { fields.previousHash = previous }
                let hash = VoucherChain.hash(of: fields)
                try db.execute(
                    sql: "UPDATE ledger_voucher SET attachments = ?, previous_hash = ?, hash = ? WHERE id = ?",
                    arguments: [fields.attachments, fields.previousHash, hash, voucher.id])
                previous = hash
            }
            let id = try String.fetchOne(db, sql: "SELECT id FROM ledger_disclosure LIMIT 1")!
            try db.execute(sql: "UPDATE ledger_disclosure SET content = replace(content, '1', '9') WHERE id = ?", arguments: [id])
            return id
        }
        let edited = try await ProgramProcess.run("kiosk", ["ledger", "verify", "--data-dir", station])
        #expect(edited.status == 1 && edited.output.contains("县级签章"), "\(edited.output) \(edited.error)")

        let content = {
            try self.store(station).read { db in
                try String.fetchOne(db, sql: "SELECT content FROM ledger_disclosure WHERE id = ?", arguments: [disclosure])
            }
        }
        let editedContent = try content()
        let round = try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", station])
        #expect(!round.contains("mended 0"), "\(round)")
        let admin = try #require(
            try await StationPrices.token(county.port, renew: true, login: StationPrices.adminLogin, secret: StationPrices.adminPassword))
        let stations = try await CountyUnderTest.json("\(county.url)/api/v1/sync/stations", token: admin)
        let listedStations = stations["stations"] as? [[String: Any]] ?? []
        let warnings = listedStations.compactMap { $0["warning"] as? String }
        #expect(warnings.contains { $0.contains("differs from the county's") }, "\(warnings)")
        #expect(listedStations.contains { ($0["mended"] as? Int ?? 0) > 0 }, "\(listedStations)")

        let mended = try await ProgramProcess.run("kiosk", ["ledger", "verify", "--data-dir", station])
        #expect(mended.status == 0, "\(mended.output) \(mended.error)")
        #expect(try content() != editedContent)
        let kiosk = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", station])
        let listed = try await CountyUnderTest.json("http://127.0.0.1:\(try await kiosk.listeningPort())/api/v1/ledger/disclosures")
        let ids = (listed["disclosures"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(ids.contains(disclosure))
        kiosk.signal(SIGTERM)
        _ = await kiosk.exitStatus()
        #expect(await county.stop() == 0)
    }

    @Test func anotherVillagesStationHoldsOnlyMaskedPersonalData() async throws {
        let county = try await CountyUnderTest.sample(in: folder)
        let beiTang = try await station(Self.beiTang, of: county)
        let houNan = try await station(Self.houNan, of: county)
        let query = "SELECT producer_name || ' ' || producer_phone FROM trace_lot WHERE trace_code = 'HN-2611-001'"
        let elsewhere = try await store(beiTang).read { db in try String.fetchOne(db, sql: query) }
        let atHome = try await store(houNan).read { db in try String.fetchOne(db, sql: query) }
        #expect(elsewhere == "张** 138****5678")
        #expect(atHome == "张建国 13812345678")
        #expect(await county.stop() == 0)
    }

    /// A conflict of the books is resolved only by the books' reviewers, and only to a value of
    /// its kind: the county's administrator may not, and a text for an amount is refused.
    @Test(arguments: HubStore.allCases) func aConflictIsResolvedOnlyByItsStewardsToAValueOfItsKind(hub: HubStore) async throws {
        try await CountyUnderTest.withSample(hub, in: folder) { county in
            try await StationPrices.addAccount(
                "syncserver", storage: county.storage, login: "zhou", name: "周审核", role: "reviewer", secret: "dabu-review-2026")
            let hostile = try await HostileStation.enroll(at: county, village: Self.houNan)
            let asset = try #require(
                try await county.value("SELECT id FROM ledger_asset WHERE village_code = $1 LIMIT 1", [.text(Self.houNan)])).description
            // The station's edit of a review-worthy amount it never saw the county's value of: a conflict.
            let edit = try await hostile.push([
                hostile.change("ledger.asset", id: asset, ["village_code": .text(Self.houNan), "original_fen": 123_456])
            ])
            #expect(edit.push?.quarantined.isEmpty == true)
            let admin = try #require(
                try await StationPrices.token(county.port, renew: true, login: StationPrices.adminLogin, secret: StationPrices.adminPassword))
            let open = try await CountyUnderTest.json("\(county.url)/api/v1/sync/conflicts", token: admin)
            let conflict = try #require((open["conflicts"] as? [[String: Any]])?.first { $0["record_id"] as? String == asset })
            let id = try #require(conflict["id"] as? String)
            let resolve = "\(county.url)/api/v1/sync/conflicts/\(id)/resolve"
            let (byAdmin, _) = try await post(resolve, #"{"value": 1}"#, token: admin)
            #expect(byAdmin == 403)
            let reviewer = try await StationPrices.token(county.port, renew: true, login: "zhou", secret: "dabu-review-2026")
            let (wrongKind, _) = try await post(resolve, #"{"value": "一百万"}"#, token: reviewer)
            #expect(wrongKind == 403)
            let (kept, body) = try await post(resolve, #"{"value": 123456}"#, token: reviewer)
            #expect(kept == 200, "\(body)")
            #expect(await county.stop() == 0)
        }
    }

    /// Guesses sent all at once are counted before any is checked: no more than the five wrong
    /// secrets the lockout allows are ever tried against the hash.
    @Test func concurrentGuessesDoNotRacePastTheLockout() async throws {
        let county = try await CountyUnderTest.sample(in: folder)
        let station = try await station(Self.houNan, of: county)
        let kiosk = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", station])
        let port = try await kiosk.listeningPort()
        // Each guess on a connection of its own, so that all thirty arrive together.
        let client = HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup,
            configuration: .init(connectionPool: .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)))
        let answers = try await withThrowingTaskGroup(of: String.self) { group in
            for guess in 0..<30 {
                group.addTask {
                    var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/v1/session")
                    request.method = .POST
                    request.headers.add(name: "Content-Type", value: "application/json")
                    request.body = .bytes(ByteBuffer(string: #"{"login": "li", "secret": "\#(100_000 + guess)"}"#))
                    let response = try await client.execute(request, timeout: .seconds(300))
                    let body = try await response.body.collect(upTo: 1 << 16)
                    return (try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])?["error"] as? String ?? ""
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        try await client.shutdown()
        #expect(answers.filter { $0 == "bad_credentials" }.count <= 5, "\(answers)")
        #expect(answers.filter { $0 == "account_locked" }.count >= 25, "\(answers)")
        kiosk.signal(SIGTERM)
        _ = await kiosk.exitStatus()
        #expect(await county.stop() == 0)
    }
}
