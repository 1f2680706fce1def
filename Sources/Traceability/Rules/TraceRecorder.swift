import ChinaLocale
public import Foundation
public import Sync
import DomainCore

/// Records traceability at a station (and, for events such as an official sampling or a recall,
/// at the county): each write is checked by ``TraceRules`` and kept with its change-log entry in
/// one transaction.
///
/// ```swift
/// let recorder = TraceRecorder(replica: station)
/// let lot = try await recorder.register(LotEntry(productName: "富士苹果", quantityG: 500_000,
///                                                producerName: "张建国", producerKind: .person), by: "operator-1")
/// let harvest = try await recorder.record(EventEntry(lotID: lot.id, kind: .harvesting,
///                                                    occurredAt: "2026-06-01T07:30:00+08:00"), by: "operator-1")
/// harvest.safetyViolations   // loud when a pesticide's interval had not passed
/// ```
public struct TraceRecorder: Sendable {
    let replica: Replica
    let now: @Sendable () -> Date
    /// At the county: the village it records for (a village without a station of its own).
    let village: String?

    public init(replica: Replica, onBehalfOf village: String? = nil, now: @escaping @Sendable () -> Date = { Date() }) {
        self.replica = replica
        self.now = now
        self.village = replica.village ?? village
    }

    /// An event as kept, with the safety violations its lot now carries.
    public struct RecordedEvent: Codable, Sendable {
        public let event: TraceEvent
        public let safetyViolations: [SafetyIntervalCheck.Violation]
    }

    public func register(_ entry: LotEntry, by operatorName: String) async throws -> TraceLot {
        let village = try stationVillage()
        return try await replica.writing { transaction in
            let trace = try transaction.trace
            let id = try insertLot(entry, village: village, prefix: "", trace)
            return try trace.lot(id: id)!
        }
    }

    public func record(_ entry: EventEntry, by operatorName: String) async throws -> RecordedEvent {
        try await replica.writing { transaction in
            let trace = try transaction.trace
            let lot = try ownedLot(entry.lotID, field: "lot_id", trace)
            guard entry.kind != .transforming else {
                throw DomainError.invalidField(
                    "kind", message: "混批、分批请用 transformations 记录", messageEN: "record mixing or splitting as a transformation")
            }
            try checkRetraction(entry, trace)
            let event = try TraceRules.event(entry, id: Self.newID(), village: lot.villageCode, recordedBy: operatorName, now: now())
            try replica.write(trace, record: event, id: event.id, to: TraceCollections.event)
            return RecordedEvent(
                event: try trace.event(id: event.id)!,
                safetyViolations: SafetyIntervalCheck.violations(in: try TraceLineage.events(trace, lineageOf: lot.id)))
        }
    }

    /// A retraction names an event of the same lot (for a mix or split, any of its lots) that still
    /// counts, and is not itself one.
    private func checkRetraction(_ entry: EventEntry, _ trace: any TraceTransaction) throws {
        guard entry.kind == .retraction else {
            if entry.retracts != nil {
                throw DomainError.invalidField("retracts", message: "只有更正记录能撤回事件", messageEN: "only a retraction names an event to retract")
            }
            return
        }
        guard let target = entry.retracts,
            let event = try trace.event(id: target),
            ([event.lotID] + event.inputs + event.outputs).contains(entry.lotID)
        else {
            throw DomainError.invalidField(
                "retracts", message: "未查到该批次要撤回的事件", messageEN: "retracts must name an event of the same lot")
        }
        guard event.kind != .retraction, !event.retracted else {
            throw DomainError.invalidField(
                "retracts", message: "该事件已撤回或本身是更正", messageEN: "retracts names an event already retracted or a retraction")
        }
    }

    /// A lot this side may record for: any lot at the county, the village's own at a station.
    func ownedLot(_ id: String, field: String, _ trace: any TraceTransaction) throws -> TraceLot {
        guard let lot = try trace.lot(id: id) else {
            throw DomainError.invalidField(field, message: "未查到该批次", messageEN: "\(field) names no lot held here")
        }
        if let village = replica.village, lot.villageCode != village {
            throw DomainError.invalidField(
                field, message: "只能为本村的批次记录", messageEN: "\(field) must be a lot of this village, \(village)")
        }
        return lot
    }

    /// Registers a lot, making its code when the entry has none; returns its id.
    func insertLot(_ entry: LotEntry, village: String, prefix: String, _ trace: any TraceTransaction) throws -> String {
        let code = try entry.traceCode.map { try TraceCode($0, field: prefix + "trace_code") }
            ?? uniqueCode(trace, serials: 1_000) { Self.madeLotCode(village: village, day: BeijingDay(now()), serial: $0) }
        let taken = try trace.isCodeKeyTaken(code.lookupKey, byCertificatesToo: false)
        if taken {
            throw DomainError.invalidField(
                prefix + "trace_code", message: "该追溯码已被其他批次使用", messageEN: "\(prefix)trace_code is already used by a lot")
        }
        let lot = try TraceRules.lot(entry, id: Self.newID(), code: code, village: village, prefix: prefix, now: now())
        try replica.write(trace, record: lot, id: lot.id, to: TraceCollections.lot)
        return lot.id
    }

    /// A code made here, tried with random serials below `serials` until one is free.
    func uniqueCode(_ trace: any TraceTransaction, serials: Int, _ make: (Int) -> String) throws -> TraceCode {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let code = try TraceCode(make(Int.random(in: 0..<serials, using: &generator)))
            let used = try trace.isCodeKeyTaken(code.lookupKey, byCertificatesToo: true)
            if !used { return code }
        }
        throw DomainError(
            kind: .conflict, code: "codes_exhausted", message: "今日编码已用尽，请输入追溯码",
            messageEN: "no free code is left for today; enter a trace code")
    }

    /// Township and village digits, the date, a serial and a GS1 check digit: 16 digits.
    static func madeLotCode(village: String, day: BeijingDay, serial: Int) -> String {
        let body = String(village.suffix(6)) + day.compactText + String(format: "%03d", serial)
        return body + String(GS1CheckDigit.expected(forBody: body) ?? 0)
    }

    /// The village whose lots this side registers: the station's, or the one the county records for.
    func stationVillage() throws -> String {
        guard let village else {
            throw DomainError(
                kind: .conflict, code: "not_a_station", message: "批次由信息站登记",
                messageEN: "lots are registered at a station, or by the county for a named village")
        }
        return village
    }

    static func newID() -> String { RecordID.make() }
}

extension BeijingDay {
    /// `yyMMdd`, as codes print a date.
    var compactText: String { String(text.dropFirst(2).filter { $0 != "-" }) }
}
