import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
@testable import Ledger
import LedgerSQLite
import Sync
import SyncHTTP
import TestSupport
import Testing
import Crypto

/// A hostile kiosk pushes what its own API would never write, signed with its own key, over real
/// HTTP to a real `syncserver`: the county crashes on none of it, applies none of it, quarantines
/// each change with the rule it broke, and goes on with the station's honest changes after it.
@Suite(.serialized, .timeLimit(.minutes(30))) struct ForgedPushTests {
    static let houNan = "441422107201"
    static let beiTang = "441422113203"
    let folder = try! TemporaryFolder()

    /// Pushes `forged`, then an honest price after it in the same push: the forged one is
    /// quarantined with a reason naming `rule`, the honest one acknowledged.
    func expectQuarantined(
        _ forged: Change, by station: HostileStation, rule: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let honest = station.change("prices.observation", id: UUID().uuidString.lowercased(), Self.price(village: station.village))
        let answer = try await station.push([forged, honest])
        let reply = try #require(answer.push, "status \(answer.status): \(String(decoding: answer.body, as: UTF8.self))", sourceLocation: sourceLocation)
        #expect(reply.acknowledged == honest.sequence, sourceLocation: sourceLocation)
        let notice = reply.quarantined.first { $0.sequence == forged.sequence }
        #expect(notice?.reason.contains(rule) == true, "quarantined as: \(notice?.reason ?? "not quarantined")", sourceLocation: sourceLocation)
    }

    static func price(village: String, corrects: String? = nil) -> [String: SyncValue] {
        [
            "village_code": .text(village), "source": "信息站", "variety_code": "01010301", "market_id": "M06",
            "region_code": "441422", "observed_on": "2026-11-20", "min_fen": 240, "avg_fen": 260, "max_fen": 280,
            "unit": "元/公斤", "spec": "", "origin": "", "volume_kg": nil, "corrects": corrects.map(SyncValue.text) ?? .null,
            "flags": "", "recorded_by": "李站长", "recorded_at": "2026-11-20T09:00:00+08:00",
        ]
    }

    // MARK: One crafted push or header crashes the county

    @Test(arguments: HubStore.allCases) func aStationTimeOfTheSmallestIntegerCrashesNothing(hub: HubStore) async throws {
        try await CountyUnderTest.withSample(hub, in: folder) { county in
            let hostile = try await HostileStation.enroll(at: county, village: Self.beiTang)
            let answer = try await hostile.send(
                "/sync/v1/pull", json: try PullRequest(after: 0, limit: 5).wireJSON(),
                headers: [RequestSignature.stationTimeHeader: String(Int64.min)])
            #expect(answer.status == 200)
            #expect(await county.isAlive())
            #expect(await county.stop() == 0)
        }
    }

    @Test(arguments: HubStore.allCases) func aChangeWithEveryFieldButOneNameWrongIsQuarantinedAlone(hub: HubStore) async throws {
        try await CountyUnderTest.withSample(hub, in: folder) { county in
            let hostile = try await HostileStation.enroll(at: county, village: Self.beiTang)
            var fields = Self.price(village: Self.beiTang)
            fields["flagz"] = fields.removeValue(forKey: "flags")
            let forged = hostile.change("prices.observation", id: "renamed-field", fields)
            try await expectQuarantined(forged, by: hostile, rule: "unknown field flagz")
            #expect(await county.isAlive())
            #expect(await county.stop() == 0)
        }
    }

    @Test(arguments: HubStore.allCases) func aPostedVoucherWhoseAmountsOverflowIsQuarantinedAndLaterPushesGoOn(hub: HubStore) async throws {
        try await CountyUnderTest.withSample(hub, in: folder) { county in
            let hostile = try await HostileStation.enroll(at: county, village: Self.houNan)
            let huge = Int64.max / 2
            let lines = #"[{"account":"101","credit_fen":0,"debit_fen":\#(huge),"summary":"x"},{"account":"101","credit_fen":0,"debit_fen":\#(huge),"summary":"x"},{"account":"501","credit_fen":\#(huge),"debit_fen":0,"summary":"x"}]"#
            // Linked onto the village's chain as a real posting would be, so that the chain check reads its lines.
            let head = try await county.reading { try VoucherChain.head(village: Self.houNan, try $0.ledger) }
            var fields = Self.voucher(village: Self.houNan, lines: lines, index: Int64(head.index + 1))
            fields["previous_hash"] = .text(head.hash)
            fields["hash"] = .text(
                VoucherChain.hash(
                    of: .init(
                        village: Self.houNan, period: "2026-11", number: 1, voucherDate: "2026-11-20", lines: lines, attachments: 1,
                        preparer: "李会计", reviewer: "李会计", poster: "李会计", postedAt: "2026-11-20T10:00:00+08:00", reverses: nil,
                        chainIndex: head.index + 1, previousHash: head.hash)))
            let forged = hostile.change("ledger.voucher", id: "overflowing", fields)
            try await expectQuarantined(forged, by: hostile, rule: "ledger.voucher")
            let later = try await hostile.push([hostile.change("prices.observation", id: "later", Self.price(village: Self.houNan))])
            #expect(later.status == 200 && later.push?.quarantined.isEmpty == true)
            #expect(await county.isAlive())
            #expect(await county.stop() == 0)
        }
    }

    static func voucher(village: String, lines: String, index: Int64 = 999) -> [String: SyncValue] {
        [
            "village_code": .text(village), "period": "2026-11", "number": 1, "voucher_date": "2026-11-20",
            "lines": .text(lines), "attachments": 1, "preparer": "李会计", "reviewer": "李会计", "poster": "李会计",
            "posted_at": "2026-11-20T10:00:00+08:00", "reverses": nil, "draft_id": nil, "chain_index": .integer(index),
            "previous_hash": .text(String(repeating: "0", count: 64)), "hash": .text(String(repeating: "1", count: 64)),
        ]
    }

    // MARK: A forged push reaches another village's books, or authority it does not have

    @Test(arguments: HubStore.allCases) func anotherVillagesLedgerRecordsAreNeitherRenamedNorMoved(hub: HubStore) async throws {
        try await CountyUnderTest.withSample(hub, in: folder) { county in
            let hostile = try await HostileStation.enroll(at: county, village: Self.beiTang)
            var ids: [SyncValue] = []
            for table in ["ledger_subaccount", "ledger_asset", "ledger_contract"] {
                ids.append(try #require(try await county.value("SELECT id FROM \(table) WHERE village_code = $1 LIMIT 1", [.text(Self.houNan)])))
            }
            let (subaccount, asset, contract) = (ids[0].description, ids[1].description, ids[2].description)
            let own: SyncValue = .text(Self.beiTang)
            try await expectQuarantined(
                hostile.change("ledger.subaccount", id: subaccount, ["village_code": own, "name": "假户"]), by: hostile, rule: "belongs to")
            try await expectQuarantined(
                hostile.change("ledger.asset", id: asset, ["village_code": own, "original_fen": 1]), by: hostile, rule: "belongs to")
            try await expectQuarantined(
                hostile.change("ledger.contract", id: contract, ["village_code": own, "party_b": "假人", "amount_fen": 1]), by: hostile,
                rule: "belongs to")
            let untouched = try await county.value(
                "SELECT COUNT(*) FROM ledger_subaccount WHERE id = $1 AND village_code = $2 AND name != '假户'",
                [.text(subaccount), .text(Self.houNan)])
            #expect(untouched == 1)
            #expect(await county.stop() == 0)
        }
    }

    @Test(arguments: HubStore.allCases) func aStationPostsNoVoucherWhereTheCountyKeepsTheBooksAndReviewsNoDraft(hub: HubStore) async throws {
        try await CountyUnderTest.withSample(hub, in: folder) { county in
            let hostile = try await HostileStation.enroll(at: county, village: Self.houNan)
            let lines = #"[{"account":"101","credit_fen":0,"debit_fen":100,"summary":"x"},{"account":"501","credit_fen":100,"debit_fen":0,"summary":"x"}]"#
            try await expectQuarantined(
                hostile.change("ledger.voucher", id: "posted-by-station", Self.voucher(village: Self.houNan, lines: lines)), by: hostile,
                rule: "ledger.voucher.poster")
            let draft: [String: SyncValue] = [
                "village_code": .text(Self.houNan), "voucher_date": "2026-11-20", "lines": .text(lines), "attachments": 1,
                "preparer": "李会计", "status": "submitted", "reviewer": "", "review_note": "", "voucher_id": nil,
                "updated_at": "2026-11-20T10:00:00+08:00",
            ]
            let submitted = try await hostile.push([hostile.change("ledger.draft", id: "draft-1", draft)])
            #expect(submitted.push?.quarantined.isEmpty == true)
            try await expectQuarantined(
                hostile.change("ledger.draft", id: "draft-1", ["status": "reviewed", "reviewer": "镇农经站王审核"]), by: hostile,
                rule: "ledger.draft.review")
            #expect(try await county.value("SELECT status FROM ledger_draft WHERE id = 'draft-1'") == "submitted")
            #expect(await county.stop() == 0)
        }
    }

    @Test(arguments: HubStore.allCases) func noStationSquatsTheIdOfAnotherVillagesCloseOrReceipt(hub: HubStore) async throws {
        try await CountyUnderTest.withSample(hub, in: folder) { county in
            let hostile = try await HostileStation.enroll(at: county, village: Self.beiTang)
            try await expectQuarantined(
                hostile.change(
                    "ledger.close", id: "\(Self.houNan):2026-12",
                    ["village_code": .text(Self.beiTang), "period": "2026-12", "closed_by": "x", "closed_at": "2026-12-01T00:00:00+08:00"]),
                by: hostile, rule: "ledger.close")
            let notice = try #require(try await county.value("SELECT id FROM notice LIMIT 1")).description
            try await expectQuarantined(
                hostile.change(
                    "notices.shown", id: "\(notice)@\(Self.houNan)",
                    ["notice_id": .text(notice), "village_code": .text(Self.beiTang), "shown_at": "2026-12-01T00:00:00+08:00"]),
                by: hostile, rule: "notices.shown.id")
            let squatted = try await county.value(
                "SELECT (SELECT COUNT(*) FROM ledger_close WHERE id = $1) + (SELECT COUNT(*) FROM notice_shown WHERE id = $2)",
                [.text("\(Self.houNan):2026-12"), .text("\(notice)@\(Self.houNan)")])
            #expect(squatted == 0)
            #expect(await county.stop() == 0)
        }
    }

    @Test(arguments: HubStore.allCases) func aStationSupersedesNoCountyBulletinPrice(hub: HubStore) async throws {
        try await CountyUnderTest.withSample(hub, in: folder) { county in
            let hostile = try await HostileStation.enroll(at: county, village: Self.beiTang)
            let bulletinPrice = try #require(try await county.value("SELECT id FROM price_observation WHERE village_code = '' LIMIT 1")).description
            try await expectQuarantined(
                hostile.change("prices.observation", id: "correcting", Self.price(village: Self.beiTang, corrects: bulletinPrice)),
                by: hostile, rule: "prices.observation.corrects")
            #expect(try await county.value("SELECT superseded FROM price_observation WHERE id = $1", [.text(bulletinPrice)]) == 0)
            #expect(await county.stop() == 0)
        }
    }

    @Test(arguments: HubStore.allCases) func noStationMakesAnotherVillagesTraceCodeAnswerWithItsLot(hub: HubStore) async throws {
        try await CountyUnderTest.withSample(hub, in: folder) { county in
            let hostile = try await HostileStation.enroll(at: county, village: Self.beiTang)
            let lot: [String: SyncValue] = [
                "village_code": .text(Self.beiTang), "trace_code": "HN-2611-001", "product_name": "假蜜柚", "variety_code": "",
                "quantity_g": 1_000, "producer_name": "假人", "producer_kind": "person", "producer_phone": "",
                "producer_credit_code": "", "origin": "", "created_at": "2026-11-20T10:00:00+08:00",
            ]
            try await expectQuarantined(hostile.change("trace.lot", id: "squatter", scope: "", lot), by: hostile, rule: "trace.lot.code")
            let (data, _) = try await URLSession.shared.data(from: URL(string: "\(county.url)/api/v1/trace/lookup?code=HN-2611-001")!)
            #expect(!String(decoding: data, as: UTF8.self).contains("假蜜柚"))
            #expect(await county.stop() == 0)
        }
    }

    @Test(arguments: HubStore.allCases) func aTransformationOfMillionsOfInputsIsRefused(hub: HubStore) async throws {
        try await CountyUnderTest.withSample(hub, in: folder) { county in
            let hostile = try await HostileStation.enroll(at: county, village: Self.beiTang)
            func transformation(_ inputs: Int) -> Change {
                let list = "[" + Array(repeating: #""lot-x""#, count: inputs).joined(separator: ",") + "]"
                return hostile.change(
                    "trace.event", id: "mix-\(inputs)", scope: "",
                    [
                        "village_code": .text(Self.beiTang), "lot_id": "lot-x", "kind": "transforming",
                        "occurred_at": "2026-11-20T10:00:00+08:00", "inputs": .text(list), "outputs": "[]",
                        "recorded_by": "x", "recorded_at": "2026-11-20T10:00:00+08:00",
                    ])
            }
            try await expectQuarantined(transformation(5_000), by: hostile, rule: "trace.event")
            let millions = try await hostile.send(
                "/sync/v1/push", json: try PushRequest(changes: [transformation(2_000_000)]).wireJSON(), deflated: true)
            #expect(millions.status == 413 && millions.error == "push_too_large")
            #expect(await county.isAlive())
            #expect(await county.stop() == 0)
        }
    }

    // MARK: Who a station is, what it holds, and what fails in the store

    @Test(arguments: HubStore.allCases) func aStationAskingForTheCountysOriginGetsOneOfItsOwnAndSpeaksForNoOther(hub: HubStore) async throws {
        try await CountyUnderTest.withSample(hub, in: folder) { county in
            let countyOrigin = try #require(try await county.value("SELECT value FROM store_info WHERE key = 'replica_id'")).description
            let hostile = try await HostileStation.enroll(at: county, village: Self.houNan, askingOrigin: countyOrigin)
            #expect(hostile.origin != countyOrigin)
            let asCounty = hostile.change(
                "notices.notice", id: "forged-notice", scope: "", ["title": "假通知"], origin: countyOrigin)
            let answer = try await hostile.push([asCounty])
            #expect(answer.push?.acknowledged == 0)
            #expect(try await county.value("SELECT COUNT(*) FROM notice WHERE id = 'forged-notice'") == 0)
            #expect(await county.stop() == 0)
        }
    }

    @Test(arguments: HubStore.allCases) func pushesThatInflateBeyondTheBoundOrCrowdOneStationsTurnAreRefused(hub: HubStore) async throws {
        try await CountyUnderTest.withSample(hub, in: folder) { county in
            let hostile = try await HostileStation.enroll(at: county, village: Self.houNan)
            // Nearly 32 MiB of one change's text each, deflated to a few tens of KB; 32 at once.
            let bomb = try PushRequest(changes: [
                hostile.change("prices.observation", id: "bomb", ["spec": .text(String(repeating: "x", count: 30 << 20))])
            ]).wireJSON()
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<32 { group.addTask { try await hostile.send("/sync/v1/push", json: bomb, deflated: true).status } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == 413 || $0 == 429 || $0 == 409 }, "\(statuses)")
            #expect(await county.isAlive())
            #expect(county.server.peakResidentBytes < 600 << 20, "peak \(county.server.peakResidentBytes >> 20) MB")
            #expect(await county.stop() == 0)
        }
    }

    /// PostgreSQL keeps no NUL character in text, and SQLite would: the county refuses one alike on
    /// both, and its refusal does not quote it (a reason that held one could not be kept either).
    @Test(arguments: HubStore.allCases) func aTextOrANameHoldingANULCharacterIsQuarantinedAndTheQueueGoesOn(hub: HubStore) async throws {
        try await CountyUnderTest.withSample(hub, in: folder) { county in
            let hostile = try await HostileStation.enroll(at: county, village: Self.houNan)
            var text = Self.price(village: Self.houNan)
            text["recorded_by"] = "李\u{0}站长"
            try await expectQuarantined(hostile.change("prices.observation", id: "nul-text", text), by: hostile, rule: "field recorded_by holds a NUL")
            var name = Self.price(village: Self.houNan)
            name["fl\u{0}ags"] = name.removeValue(forKey: "flags")
            try await expectQuarantined(hostile.change("prices.observation", id: "nul-name", name), by: hostile, rule: "a field's name holds a NUL")
            let id = hostile.change("prices.observation", id: "nul\u{0}id", Self.price(village: Self.houNan))
            try await expectQuarantined(id, by: hostile, rule: "the record id holds a NUL")
            #expect(try await county.value("SELECT COUNT(*) FROM sync_quarantine WHERE reason LIKE $1", ["%NUL character%"]) == 3)
            #expect(await county.stop() == 0)
        }
    }

    @Test(arguments: HubStore.allCases) func aChangeThatFailsInTheStoreIsQuarantinedAndTheQueueGoesOn(hub: HubStore) async throws {
        try await CountyUnderTest.withSample(hub, in: folder) { county in
            let hostile = try await HostileStation.enroll(at: county, village: Self.houNan)
            // A new lot without the columns its table requires: the store refuses it.
            let failing = hostile.change("trace.lot", id: "half-a-lot", scope: "", ["village_code": .text(Self.houNan), "quantity_g": 5])
            try await expectQuarantined(failing, by: hostile, rule: "failed in the store")
            #expect(await county.stop() == 0)
        }
    }
}

extension ForgedPushTests {
    /// Guessing a station's signature is slow: past 30 failed authentications an address waits.
    @Test(arguments: HubStore.allCases) func failedAuthenticationsAreRateLimited(hub: HubStore) async throws {
        try await CountyUnderTest.withSample(hub, in: folder) { county in
            let real = try await HostileStation.enroll(at: county, village: Self.beiTang)
            let guesser = HostileStation(
                server: county.url, stationID: real.stationID, origin: real.origin, village: Self.beiTang, key: .init())
            // Sixty guesses at once: thirty are checked, and the rest wait far longer than they take.
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<60 { group.addTask { try await guesser.pull().status } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 401 }.count >= 30 && statuses.allSatisfy { $0 == 401 || $0 == 429 })
            #expect(statuses.filter { $0 == 429 }.count >= 10, "\(statuses)")
            #expect(await county.stop() == 0)
        }
    }
}
