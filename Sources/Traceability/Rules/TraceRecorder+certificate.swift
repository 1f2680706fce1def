import ChinaLocale
import Sync
import DomainCore
import Foundation

extension TraceRecorder {
    /// Issues a compliance certificate (合格证) for one of the village's lots. The promise must be
    /// true: a lot with a safety-interval violation, a failed test or a recall gets none.
    public func issue(_ entry: CertificateEntry, by operatorName: String) async throws -> TraceCertificate {
        _ = try stationVillage()
        return try await replica.writing { transaction in
            let trace = try transaction.trace
            let lot = try ownedLot(entry.lotID, field: "lot_id", trace)
            let events = try TraceLineage.events(trace, lineageOf: lot.id).filter { !$0.retracted }
            if let violation = SafetyIntervalCheck.violations(in: events).first {
                throw DomainError.invalidField(
                    "lot_id", message: "未过农药安全间隔期，不能开具合格证：\(violation.message)",
                    messageEN: "the lot was harvested or sold before a pesticide's safety interval had passed")
            }
            if events.contains(where: { $0.kind == .recalling }) {
                throw DomainError.invalidField("lot_id", message: "该批次已召回，不能开具合格证", messageEN: "the lot has been recalled")
            }
            if entry.testPassed == false || events.contains(where: { $0.kind == .inspecting && $0.testPassed == false }) {
                throw DomainError.invalidField(
                    entry.testPassed == false ? "test_passed" : "lot_id", message: "检测不合格，不能开具合格证",
                    messageEN: "a failed test rules out a certificate")
            }
            let today = BeijingDay(now())
            let issuedOn = try entry.issuedOn.map { text in
                guard let day = BeijingDay(text), day <= today else {
                    throw DomainError.invalidField("issued_on", message: "开具日期须为 YYYY-MM-DD，且不晚于今天", messageEN: "issued_on must be YYYY-MM-DD, not after today")
                }
                return day
            } ?? today
            let code = try uniqueCode(trace, serials: 1_000_000) { serial in
                let body = issuedOn.compactText + String(format: "%06d", serial)
                return "HG" + body + String(GS1CheckDigit.expected(forBody: body) ?? 0)
            }
            let certificate = TraceCertificate(
                id: Self.newID(), code: code.text, lotID: lot.id, villageCode: lot.villageCode, productName: lot.productName,
                quantityG: lot.quantityG, producerName: lot.producerName, producerKind: lot.producerKind,
                producerPhone: lot.producerPhone, origin: lot.origin, issuedOn: issuedOn.text,
                promise: TraceCertificate.standardPromise, testKind: entry.testKind, testPassed: entry.testPassed,
                issuedBy: operatorName, recordedAt: BeijingTime.timestamp(now()))
            try replica.write(trace, record: certificate, id: certificate.id, to: TraceCollections.certificate)
            return try trace.certificate(id: certificate.id)!
        }
    }
}
