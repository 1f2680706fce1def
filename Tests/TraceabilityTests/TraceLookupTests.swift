import SyncSQLite
import DomainCore
import ChinaLocale
import GRDB
import Sync
import Testing
import Traceability
import TraceabilitySQLite
import WebAPI
import Storage
import TestSupport

@Suite struct TraceLookupTests {
    @Test(arguments: HubStore.allCases) func aLotRegisteredAtOneStationIsFoundAtAnotherAfterSyncWithPersonalDataMasked(hub: HubStore) async throws {
        try await TraceWorld.with(hub) { world in
            let houNan = try world.station(TraceWorld.houNan, name: "hounan")
            let beiTang = try world.station(TraceWorld.beiTang, name: "beitang")
            let recorder = world.recorder(houNan)
            let lot = try await recorder.register(TraceWorld.lot(), by: "李站长")
            _ = try await recorder.record(TraceWorld.event(lot, .planting, on: "2026-03-01"), by: "李站长")
            _ = try await recorder.record(TraceWorld.event(lot, .harvesting, on: "2026-06-08"), by: "李站长")
            _ = try await recorder.record(TraceWorld.test(lot, on: "2026-06-08", passed: true), by: "李站长")
            var shipping = TraceWorld.event(lot, .shipping, on: "2026-06-09")
            shipping.destinationName = "江南果品批发市场"
            shipping.destinationKind = .market
            _ = try await recorder.record(shipping, by: "李站长")
            let certificate = try await recorder.issue(CertificateEntry(lotID: lot.id, testKind: .selfTest, testPassed: true), by: "李站长")
            #expect(certificate.code.hasPrefix("HG260610"))
            #expect(certificate.code.count == 15)

            #expect(try TraceQueries(store: beiTang.store).lookup(lot.traceCode).verdict == .notFound)
            try await world.sync(houNan)
            try await world.sync(beiTang)

            for code in [lot.traceCode, certificate.code.lowercased()] {
                let answer = try TraceQueries(store: beiTang.store).lookup(code)
                #expect(answer.headline == "查到")
                let found = try #require(answer.found)
                #expect(found.lotID == lot.id)
                #expect(found.badge == "合格")
                #expect(found.passed)
                #expect(found.warnings.isEmpty)
                #expect([found.producer.name, found.producer.kind, found.producer.phone] == ["张**", "农户", "138****5678"])
                #expect(found.origin.place == "三组东坡")
                #expect(found.harvestedOn == "2026-06-08")
                #expect(found.certificate?.code == certificate.code)
                #expect(found.quantity == "500 公斤")
                #expect(found.tests.map(\.passed) == [true])
                #expect(found.promise == TraceCertificate.standardPromise)
                #expect(found.timeline.map(\.stage) == ["种植", "采收", "运输"])
                #expect(found.timeline.last?.party == "江南果品批发市场")  // an organisation is not masked
            }
            // the raw record travelled, but no screen shows it unmasked, and beiTang cannot write it
            let event = TraceWorld.event(lot, .shipping, on: "2026-06-10")
            await #expect { try await world.recorder(beiTang).record(event, by: "北塘站长") } throws: { ($0 as? DomainError)?.field == "lot_id" }
        }
    }

    @Test(arguments: HubStore.allCases) func anotherVillagesStationCannotTakeOverALotThroughTheCounty(hub: HubStore) async throws {
        try await TraceWorld.with(hub) { world in
            let houNan = try world.station(TraceWorld.houNan, name: "hounan")
            let lot = try await world.recorder(houNan).register(TraceWorld.lot(), by: "李站长")
            try await world.sync(houNan)
            // a station enrolled for 北塘村 that claims 侯南村's lot
            let impostor = try world.station(TraceWorld.houNan, name: "impostor")
            try await impostor.writing { db in
                try impostor.write(db, to: TraceCollections.lot.name, id: lot.id, fields: [
                    "village_code": .text(TraceWorld.houNan), "trace_code": .text(lot.traceCode), "product_name": "冒名",
                ])
            }
            try await world.sync(impostor, as: TraceWorld.beiTang)
            #expect(try await world.county.value("product_name", of: lot.id, in: TraceCollections.lot) == "富士苹果")
            #expect(try await world.county.status().quarantined == 1)
        }
    }

    @Test(arguments: HubStore.allCases) func aRecallAtTheCountyReachesEveryLotMadeFromTheRecalledOne(hub: HubStore) async throws {
        try await TraceWorld.with(hub) { world in
            let houNan = try world.station(TraceWorld.houNan, name: "hounan")
            let beiTang = try world.station(TraceWorld.beiTang, name: "beitang")
            let recorder = world.recorder(houNan)
            let farm = try await recorder.register(TraceWorld.lot(), by: "李站长")
            let packed = try await recorder.transform(
                TransformationEntry(inputs: [farm.id], outputs: [TraceWorld.lot(grams: 400_000, producer: "合作社", kind: .cooperative)],
                                    occurredAt: "2026-06-09T09:00:00+08:00"), by: "李站长")
            try await world.sync(houNan)

            var sampling = TraceWorld.test(farm, on: "2026-06-09", passed: false, kind: .official)
            sampling.testItem = "毒死蜱残留"
            _ = try await world.recorder(world.county).record(sampling, by: "县农业农村局")
            var recall = TraceWorld.event(farm, .recalling, on: "2026-06-10")
            recall.note = "抽检毒死蜱超标"
            _ = try await world.recorder(world.county).record(recall, by: "县农业农村局")
            try await world.sync(beiTang)

            let answer = try TraceQueries(store: beiTang.store).lookup(packed.outputs[0].traceCode)
            let found = try #require(answer.found)
            #expect(found.badge == "已召回")
            #expect(found.warnings.first?.kind == .recall)
            #expect(found.recall?.reason == "抽检毒死蜱超标")
            #expect(found.recall?.traceCode == farm.traceCode)
            #expect(found.inspections.map(\.passed) == [false])
            #expect(found.inspections.first?.kind == "监督抽检")
            try await world.sync(houNan)
            await #expect { try await recorder.issue(CertificateEntry(lotID: packed.outputs[0].id), by: "李站长") } throws: {
                ($0 as? DomainError)?.field == "lot_id"
            }
        }
    }

    @Test(arguments: HubStore.allCases) func anUnknownCodeIsNotFoundAndAMistypedOneSaysSo(hub: HubStore) async throws {
        try await TraceWorld.with(hub) { world in
            let queries = TraceQueries(store: try world.station(TraceWorld.houNan, name: "hounan").store)
            let unknown = try queries.lookup("XYZ-NOT-HERE")
            #expect(unknown.verdict == .notFound)
            #expect(unknown.headline == "未查到")
            #expect(unknown.found == nil)
            let mistyped = try queries.lookup("6901234567893")
            #expect(mistyped.verdict == .mistyped)
            #expect(mistyped.headline.contains("最后一位应为 2"))
            #expect { try queries.lookup("") } throws: { ($0 as? DomainError)?.field == "code" }
        }
    }

    @Test func masksKeepTheFamilyNameAndTheEndsOfAPhone() {
        #expect(PersonalDataMask.name("张建国") == "张**")
        #expect(PersonalDataMask.name("李四") == "李*")
        #expect(PersonalDataMask.phone("13812345678") == "138****5678")
        #expect(PersonalDataMask.phone("5551234") == "*****34")
        #expect(PersonalDataMask.party("东山果蔬合作社", kind: .cooperative) == "东山果蔬合作社")
        #expect(PersonalDataMask.containsIdentityNumber("身份证 110101199003074514"))
        #expect(!PersonalDataMask.containsIdentityNumber("身份证 110101199003074515"))  // check character wrong
        #expect(!PersonalDataMask.containsIdentityNumber("106141411234567897"))  // an SSCC is 18 digits but no ID
    }
}

@Suite struct TraceLotMergeTests {
    @Test(arguments: HubStore.allCases) func lotFieldsMergeOneByOneAndAConcurrentQuantityEditBecomesAConflict(hub: HubStore) async throws {
        try await TraceWorld.with(hub) { world in
            let houNan = try world.station(TraceWorld.houNan, name: "hounan")
            let lot = try await world.recorder(houNan).register(TraceWorld.lot(), by: "李站长")
            try await world.sync(houNan)

            var atStation = LotAmendment()
            atStation.quantityG = 480_000
            _ = try await world.recorder(houNan).amend(lotID: lot.id, atStation, by: "李站长")
            var atCounty = LotAmendment()
            atCounty.origin = "三组东坡 2 号地块"
            atCounty.quantityG = 450_000
            _ = try await world.recorder(world.county).amend(lotID: lot.id, atCounty, by: "县农业农村局")
            try await world.sync(houNan)
            try await world.sync(houNan)

            for replica in [houNan, world.county] {
                #expect(try await replica.value("origin", of: lot.id, in: TraceCollections.lot) == "三组东坡 2 号地块")
                #expect(try await replica.value("quantity_g", of: lot.id, in: TraceCollections.lot) == 450_000)  // the later write wins, and…
            }
            #expect(try await world.county.status().openConflicts == 1)  // …a person reviews it
            var blank = LotAmendment()
            blank.productName = ""
            await #expect { try await world.recorder(houNan).amend(lotID: lot.id, blank, by: "李站长") } throws: {
                ($0 as? DomainError)?.field == "product_name"
            }
        }
    }
}
