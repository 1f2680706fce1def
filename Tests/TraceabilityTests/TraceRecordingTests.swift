import SyncSQLite
import DomainCore
import GRDB
import Sync
import Testing
import Traceability
import TraceabilitySQLite
import WebAPI
import Storage
import StoreInterface
import TestSupport

@Suite struct TraceRecordingTests {
    @Test(arguments: HubStore.allCases) func lineageRunsBothWaysThroughAMixAndASplit(hub: HubStore) async throws {
        try await TraceWorld.with(hub) { world in
            let station = try world.station(TraceWorld.houNan, name: "hounan")
            let recorder = world.recorder(station)
            let a = try await recorder.register(TraceWorld.lot(grams: 300_000), by: "李站长")
            let b = try await recorder.register(TraceWorld.lot(grams: 200_000, producer: "王秀英"), by: "李站长")
            let mixed = try await recorder.transform(
                TransformationEntry(
                    inputs: [a.id, b.id], outputs: [TraceWorld.lot(grams: 500_000, producer: "东山果蔬合作社", kind: .cooperative)],
                    occurredAt: "2026-06-05T09:00:00+08:00"), by: "李站长")
            let c = mixed.outputs[0]
            let split = try await recorder.transform(
                TransformationEntry(
                    inputs: [c.id],
                    outputs: [TraceWorld.lot(grams: 250_000, producer: "东山果蔬合作社", kind: .cooperative),
                              TraceWorld.lot(grams: 240_000, producer: "东山果蔬合作社", kind: .cooperative)],
                    occurredAt: "2026-06-06T09:00:00+08:00"), by: "李站长")
            let (d, e) = (split.outputs[0], split.outputs[1])
            let queries = TraceQueries(store: station.store)

            let upstream = try #require(try await queries.lineage(of: d.id, direction: .upstream))
            #expect(upstream.map(\.lotID) == [c.id] + [a.id, b.id].sorted())
            #expect(upstream.map(\.depth) == [1, 2, 2])
            let downstream = try #require(try await queries.lineage(of: a.id, direction: .downstream))
            #expect(Set(downstream.map(\.lotID)) == [c.id, d.id, e.id])
            #expect(downstream.first { $0.lotID == d.id }?.depth == 2)

            // the split was entered by mistake: retracted, it no longer links the lots
            var retraction = TraceWorld.event(c, .retraction, on: "2026-06-06", hour: 12)
            retraction.retracts = split.event.id
            retraction.note = "分批录错"
            _ = try await recorder.record(retraction, by: "李站长")
            #expect(try await queries.lineage(of: a.id, direction: .downstream)?.map(\.lotID) == [c.id])
            #expect(try await queries.lineage(of: d.id, direction: .upstream)?.isEmpty == true)
        }
    }

    @Test(arguments: HubStore.allCases) func outputsMayNotWeighMoreThanTheirInputs(hub: HubStore) async throws {
        try await TraceWorld.with(hub) { world in
            let station = try world.station(TraceWorld.houNan, name: "hounan")
            let recorder = world.recorder(station)
            let a = try await recorder.register(TraceWorld.lot(grams: 100_000), by: "李站长")
            let logged = try await station.loggedCount()
            await #expect { try await recorder.transform(
                TransformationEntry(inputs: [a.id], outputs: [TraceWorld.lot(grams: 100_001)], occurredAt: "2026-06-05T09:00:00+08:00"),
                by: "李站长") } throws: { ($0 as? DomainError)?.field == "outputs" }
            await #expect { try await recorder.transform(
                TransformationEntry(inputs: [a.id, "no-such-lot"], outputs: [TraceWorld.lot(grams: 1)], occurredAt: "2026-06-05T09:00:00+08:00"),
                by: "李站长") } throws: { ($0 as? DomainError)?.field == "inputs[1]" }
            // Nothing half-written: no lot, event or link was written, for every write is logged.
            #expect(try await station.loggedCount() == logged)
        }
    }

    @Test(arguments: HubStore.allCases) func harvestBeforeTheSafetyIntervalIsFlaggedThroughMixingAndBlocksACertificate(hub: HubStore) async throws {
        try await TraceWorld.with(hub) { world in
            let station = try world.station(TraceWorld.houNan, name: "hounan")
            let recorder = world.recorder(station)
            let early = try await recorder.register(TraceWorld.lot(), by: "李站长")
            let onTime = try await recorder.register(TraceWorld.lot(producer: "王秀英"), by: "李站长")
            _ = try await recorder.record(TraceWorld.spray(early, on: "2026-05-20", interval: 14), by: "李站长")
            _ = try await recorder.record(TraceWorld.spray(onTime, on: "2026-05-20", interval: 14), by: "李站长")

            let harvest = try await recorder.record(TraceWorld.event(early, .harvesting, on: "2026-06-02"), by: "李站长")
            let violation = try #require(harvest.safetyViolations.first)
            #expect(violation.safeFrom == "2026-06-03")
            #expect(violation.appliedOn == "2026-05-20")
            #expect(violation.message.contains("未过安全间隔期"))
            // on the first safe day it is no violation
            let fine = try await recorder.record(TraceWorld.event(onTime, .harvesting, on: "2026-06-03"), by: "李站长")
            #expect(fine.safetyViolations.isEmpty)

            await #expect { try await recorder.issue(CertificateEntry(lotID: early.id), by: "李站长") } throws: {
                ($0 as? DomainError)?.field == "lot_id"
            }
            let mixed = try await recorder.transform(
                TransformationEntry(inputs: [early.id, onTime.id], outputs: [TraceWorld.lot(grams: 900_000, producer: "合作社", kind: .cooperative)],
                                    occurredAt: "2026-06-04T09:00:00+08:00"), by: "李站长")
            let answer = try TraceQueries(store: station.store).lookup(mixed.outputs[0].traceCode)
            let found = try #require(answer.found)
            #expect(found.badge == "不合格")
            #expect(found.warnings.contains { $0.kind == .safetyInterval })
            #expect(found.sources == 2)
            let summaries = try await TraceQueries(store: station.store).recentLots(village: TraceWorld.houNan, limit: 10)
            #expect(summaries.first { $0.lot.id == early.id }?.safetyViolations == 1)
            #expect(summaries.first { $0.lot.id == onTime.id }?.safetyViolations == 0)
        }
    }

    @Test(arguments: HubStore.allCases) func aRetractedSprayNoLongerCountsAndARetractionIsChecked(hub: HubStore) async throws {
        try await TraceWorld.with(hub) { world in
            let station = try world.station(TraceWorld.houNan, name: "hounan")
            let recorder = world.recorder(station)
            let lot = try await recorder.register(TraceWorld.lot(), by: "李站长")
            let other = try await recorder.register(TraceWorld.lot(producer: "王秀英"), by: "李站长")
            let spray = try await recorder.record(TraceWorld.spray(lot, on: "2026-06-01", interval: 7), by: "李站长")
            #expect(try await recorder.record(TraceWorld.event(lot, .harvesting, on: "2026-06-05"), by: "李站长").safetyViolations.count == 1)

            var wrongLot = TraceWorld.event(other, .retraction, on: "2026-06-06")
            wrongLot.retracts = spray.event.id
            wrongLot.note = "录错"
            await #expect { try await recorder.record(wrongLot, by: "李站长") } throws: { ($0 as? DomainError)?.field == "retracts" }
            var noReason = TraceWorld.event(lot, .retraction, on: "2026-06-06")
            noReason.retracts = spray.event.id
            await #expect { try await recorder.record(noReason, by: "李站长") } throws: { ($0 as? DomainError)?.field == "note" }

            var retraction = noReason
            retraction.note = "施药记在了邻户地块上"
            let recorded = try await recorder.record(retraction, by: "李站长")
            #expect(recorded.safetyViolations.isEmpty)
            await #expect { try await recorder.record(retraction, by: "李站长") } throws: { ($0 as? DomainError)?.field == "retracts" }
            // the wrong event is kept, marked, never deleted
            let kept = try await station.store.reading { transaction in try transaction.trace.event(id: spray.event.id) }
            #expect(kept?.retracted == true)
        }
    }

    @Test(arguments: HubStore.allCases) func eachKindOfEventNeedsItsOwnFields(hub: HubStore) async throws {
        try await TraceWorld.with(hub) { world in
            let recorder = world.recorder(try world.station(TraceWorld.houNan, name: "hounan"))
            let lot = try await recorder.register(TraceWorld.lot(), by: "李站长")
            var spray = TraceWorld.spray(lot, on: "2026-06-01", interval: 7)
            spray.safetyIntervalDays = nil
            await #expect { try await recorder.record(spray, by: "李站长") } throws: { ($0 as? DomainError)?.field == "safety_interval_days" }
            var test = TraceWorld.test(lot, on: "2026-06-01", passed: true)
            test.testPassed = nil
            await #expect { try await recorder.record(test, by: "李站长") } throws: { ($0 as? DomainError)?.field == "test_passed" }
            var noZone = TraceWorld.event(lot, .harvesting, on: "2026-06-01")
            noZone.occurredAt = "2026-06-01T08:00:00"
            await #expect { try await recorder.record(noZone, by: "李站长") } throws: { ($0 as? DomainError)?.field == "occurred_at" }
            var utc = TraceWorld.event(lot, .harvesting, on: "2026-06-01")
            utc.occurredAt = "2026-06-01T23:30:00Z"
            #expect(try await recorder.record(utc, by: "李站长").event.occurredAt == "2026-06-02T07:30:00+08:00")
            var withIdentity = TraceWorld.lot()
            withIdentity.producerName = "张建国 110101199003074514"
            await #expect { try await recorder.register(withIdentity, by: "李站长") } throws: { ($0 as? DomainError)?.field == "producer_name" }
            var badCredit = TraceWorld.lot(kind: .cooperative)
            badCredit.producerCreditCode = "93330110MA2GXXXX01"
            await #expect { try await recorder.register(badCredit, by: "李站长") } throws: {
                ($0 as? DomainError)?.field == "producer_credit_code"
            }
            await #expect { try await recorder.register(TraceWorld.lot(code: "6901234567893"), by: "李站长") } throws: {
                ($0 as? DomainError)?.field == "trace_code"
            }
            _ = try await recorder.register(TraceWorld.lot(code: "(01)06901234567892(10)A1"), by: "李站长")
            await #expect { try await recorder.register(TraceWorld.lot(code: "https://x.cn/01/6901234567892/10/a1"), by: "李站长") } throws: {
                ($0 as? DomainError)?.field == "trace_code"  // the same lot written another way
            }
        }
    }
}
