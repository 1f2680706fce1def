import ChinaLocale
import Foundation
import Sync
import StoreInterface

extension TraceQueries {
    /// Looks a scanned or typed code up: a certificate's code finds its lot, a lot's code the lot;
    /// a GS1 code with a serial also finds its lot by GTIN and lot number alone.
    ///
    /// - Throws: ``DomainCore/DomainError`` naming `code` when it is empty or too long; any other text is
    ///   an answer, 未查到 at worst.
    public func lookup(_ raw: String) throws -> TraceLookup {
        let code = try TraceCode(raw)
        return try store.readingNow { transaction in
            let trace = try transaction.trace
            guard let (lot, certificate) = try Self.find(code, trace) else {
                let mistyped = code.reading.mistyped
                return TraceLookup(
                    code: code.text, reading: code.reading, verdict: mistyped == nil ? .notFound : .mistyped,
                    headline: mistyped.map { "未查到：追溯码可能输错了（\($0.place)应为 \($0.expected)）" } ?? "未查到", found: nil)
            }
            return TraceLookup(
                code: code.text, reading: code.reading, verdict: .found, headline: "查到",
                found: try found(lot, certificate: certificate, trace, transaction))
        }
    }

    static func find(_ code: TraceCode, _ trace: any TraceTransaction) throws -> (TraceLot, TraceCertificate?)? {
        if let certificate = try trace.certificate(codeKey: code.lookupKey), let lot = try trace.lot(id: certificate.lotID) {
            return (lot, certificate)
        }
        var keys = [code.lookupKey]
        if let serial = code.reading.value(of: "serial"), code.reading.value(of: "gtin") != nil {
            keys.append(code.lookupKey.replacingOccurrences(of: " 21 \(serial)", with: ""))
        }
        for key in keys {
            if let lot = try trace.lot(codeKey: key) {
                return (lot, try trace.certificate(ofLot: lot.id))
            }
        }
        return nil
    }

    private func found(
        _ lot: TraceLot, certificate: TraceCertificate?, _ trace: any TraceTransaction, _ transaction: any StoreTransaction
    ) throws -> TraceLookup.Found {
        let upstream = try TraceLineage.lots(trace, from: lot.id, direction: .upstream)
        let downstream = try TraceLineage.lots(trace, from: lot.id, direction: .downstream)
        let events = try trace.events(ofLots: [lot.id] + upstream.map(\.lotID)).filter { !$0.retracted && $0.kind != .retraction }
        var codes = [lot.id: lot.traceCode]
        for step in upstream { codes[step.lotID] = try trace.lot(id: step.lotID)?.traceCode }

        let violations = SafetyIntervalCheck.violations(in: events)
        let tests = events.filter { $0.kind == .inspecting }.map(Self.test)
        let recall = events.last { $0.kind == .recalling }.map {
            TraceLookup.Recall(on: $0.day, reason: $0.note, traceCode: codes[$0.lotID] ?? "")
        }
        var warnings: [TraceLookup.Warning] = []
        if let recall {
            warnings.append(.init(kind: .recall, message: "已召回（\(recall.on)）：\(recall.reason)。请勿食用、销售"))
        }
        warnings += violations.map { .init(kind: .safetyInterval, message: "农药安全间隔期未到：\($0.message)") }
        warnings += tests.filter { !$0.passed }.map {
            .init(kind: .failedTest, message: "\($0.on) \($0.kind)不合格：\($0.item)")
        }
        if certificate == nil { warnings.append(.init(kind: .noCertificate, message: "未开具承诺达标合格证")) }
        let badge =
            if recall != nil { "已召回" }
            else if !violations.isEmpty || tests.contains(where: { !$0.passed }) { "不合格" }
            else if certificate == nil { "无合格证" }
            else { "合格" }
        let passed = badge == "合格"

        let person = lot.producerKind.isNaturalPerson
        return TraceLookup.Found(
            lotID: lot.id, traceCode: lot.traceCode, productName: lot.productName, passed: passed, badge: badge,
            warnings: warnings,
            producer: .init(
                name: PersonalDataMask.party(lot.producerName, kind: lot.producerKind), kind: lot.producerKind.label,
                phone: person ? PersonalDataMask.phone(lot.producerPhone) : lot.producerPhone),
            origin: .init(
                villageCode: lot.villageCode, village: try placeName(transaction, lot.villageCode) ?? lot.villageCode,
                place: lot.origin),
            harvestedOn: events.last { $0.kind == .harvesting }?.day,
            certificate: certificate.map { .init(code: $0.code, issuedOn: $0.issuedOn) },
            quantityG: lot.quantityG, quantity: Self.weight(lot.quantityG), tests: tests, promise: certificate?.promise,
            timeline: events.filter { $0.kind != .inspecting }.map { Self.step($0, traceCode: codes[$0.lotID] ?? "") },
            inspections: events.filter { $0.testKind == .official }.map(Self.test), recall: recall,
            sources: upstream.count, destinations: downstream.count)
    }

    static func test(_ event: TraceEvent) -> TraceLookup.Test {
        TraceLookup.Test(
            on: event.day, kind: event.testKind?.label ?? "检测", item: event.testItem, passed: event.testPassed ?? false,
            tester: event.tester)
    }

    static func step(_ event: TraceEvent, traceCode: String) -> TraceLookup.Step {
        let what: String =
            switch event.kind {
            case .pesticide: "施药：\(event.inputName) \(event.dose)，安全间隔期 \(event.safetyIntervalDays ?? 0) 天"
            case .fertilising: "施肥：\(event.inputName) \(event.dose)".trimmingCharacters(in: .whitespaces)
            case .transforming: "混批/分批：\(event.inputs.count) 批进，\(event.outputs.count) 批出"
            case .recalling: "召回：\(event.note)"
            default: event.kind.stage + (event.quantityG.map { " " + weight($0) } ?? "")
            }
        let party = event.kind == .receiving || event.kind == .transforming
            ? PersonalDataMask.party(event.sourceName, kind: event.sourceKind)
            : PersonalDataMask.party(event.destinationName, kind: event.destinationKind)
        return TraceLookup.Step(
            at: event.occurredAt, stage: event.kind.stage, kind: event.kind, what: what,
            place: event.bizLocation.isEmpty ? event.readPoint : event.bizLocation, party: party, traceCode: traceCode)
    }

    /// Grams as people say them: 公斤 from one upwards, else 克.
    static func weight(_ grams: Int64) -> String {
        guard grams >= 1_000 else { return "\(grams) 克" }
        let whole = grams / 1_000
        let rest = grams % 1_000
        guard rest > 0 else { return "\(whole) 公斤" }
        var decimals = String(format: "%03d", rest)
        while decimals.hasSuffix("0") { decimals.removeLast() }
        return "\(whole).\(decimals) 公斤"
    }
}
