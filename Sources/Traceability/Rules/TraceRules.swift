import ChinaLocale
import Foundation
import Sync
import DomainCore

/// The rules a lot, an event or a certificate must meet before it is kept, each refusal naming
/// the field and the rule (in Chinese and English). An entry that meets them becomes the record
/// kept (``TraceLot``, ``TraceEvent``).
///
/// ```swift
/// let lot = try TraceRules.lot(entry, id: id, code: code, village: "330110001001", prefix: "", now: Date())
/// ```
public enum TraceRules {
    /// The largest quantity one lot may have: 1,000 tonnes.
    static let maximumGrams: Int64 = 1_000_000_000

    static func lot(_ entry: LotEntry, id: String, code: TraceCode, village: String, prefix: String, now: Date) throws -> TraceLot {
        if let mistyped = code.reading.mistyped {
            throw DomainError.invalidField(
                prefix + "trace_code", message: "追溯码校验位不对：应为 \(mistyped.expected)，输入的是 \(mistyped.found)",
                messageEN: "trace_code check character should be \(mistyped.expected), not \(mistyped.found)")
        }
        let credit = try text(entry.producerCreditCode, prefix + "producer_credit_code", maximum: 18).uppercased()
        if !credit.isEmpty, credit.count != 18 || CreditCode.expectedCheck(forBody: credit.prefix(17)) != credit.last {
            throw DomainError.invalidField(
                prefix + "producer_credit_code", message: "统一社会信用代码须为 18 位且校验位正确",
                messageEN: "producer_credit_code must be 18 characters with a valid check character")
        }
        return TraceLot(
            id: id, villageCode: village, traceCode: code.text,
            productName: try text(entry.productName, prefix + "product_name", required: true, maximum: 40),
            varietyCode: try text(entry.varietyCode, prefix + "variety_code", maximum: 16),
            quantityG: try grams(entry.quantityG, prefix + "quantity_g"),
            producerName: try text(entry.producerName, prefix + "producer_name", required: true, maximum: 60),
            producerKind: entry.producerKind, producerPhone: try phone(entry.producerPhone, prefix + "producer_phone"),
            producerCreditCode: credit, origin: try text(entry.origin, prefix + "origin", maximum: 80),
            createdAt: BeijingTime.timestamp(now))
    }

    /// The event an entry records; which of its fields its kind requires is checked here too, in
    /// the order a form shows them, so that the first refusal names the first field.
    static func event(
        _ entry: EventEntry, id: String, village: String, recordedBy: String, inputs: [String] = [], outputs: [String] = [],
        now: Date
    ) throws -> TraceEvent {
        let occurredAt = try occurredAt(entry.occurredAt, "occurred_at", now: now)
        let readPoint = try text(entry.readPoint, "read_point", maximum: 80)
        let bizLocation = try text(entry.bizLocation, "biz_location", maximum: 80)
        let disposition = try text(entry.disposition, "disposition", maximum: 40)
        let sourceName = try text(entry.sourceName, "source_name", maximum: 60)
        let destinationName = try text(entry.destinationName, "destination_name", maximum: 60)
        let quantityG = try entry.quantityG.map { try grams($0, "quantity_g") }
        let note = try text(entry.note, "note", required: [.recalling, .retraction].contains(entry.kind), maximum: 200)
        let needsInput = entry.kind == .pesticide || entry.kind == .fertilising
        let inputName = try text(entry.inputName, "input_name", required: needsInput, maximum: 60)
        let registrationNumber = try text(
            entry.registrationNumber, "registration_number", required: entry.kind == .pesticide, maximum: 30)
        let dose = try text(entry.dose, "dose", required: entry.kind == .pesticide, maximum: 40)
        var safetyIntervalDays: Int?
        if entry.kind == .pesticide {
            guard let days = entry.safetyIntervalDays, (0...365).contains(days) else {
                throw DomainError.invalidField(
                    "safety_interval_days", message: "施药须填写安全间隔期（0–365 天）",
                    messageEN: "safety_interval_days is required for a pesticide, 0 to 365")
            }
            safetyIntervalDays = days
        }
        let testItem = try text(entry.testItem, "test_item", required: entry.kind == .inspecting, maximum: 60)
        let tester = try text(entry.tester, "tester", maximum: 60)
        if entry.kind == .inspecting {
            if entry.testKind == nil { throw missing("test_kind", "检测方式") }
            if entry.testPassed == nil { throw missing("test_passed", "检测结果") }
        }
        return TraceEvent(
            id: id, villageCode: village, lotID: entry.lotID, kind: entry.kind, occurredAt: occurredAt, readPoint: readPoint,
            bizLocation: bizLocation, disposition: disposition, sourceName: sourceName, sourceKind: entry.sourceKind,
            destinationName: destinationName, destinationKind: entry.destinationKind, quantityG: quantityG,
            inputName: inputName, registrationNumber: registrationNumber, dose: dose, safetyIntervalDays: safetyIntervalDays,
            testKind: entry.testKind, testItem: testItem, testPassed: entry.testPassed, tester: tester, inputs: inputs,
            outputs: outputs, retracts: entry.retracts, note: note, recordedBy: recordedBy,
            recordedAt: BeijingTime.timestamp(now), retracted: false)
    }

    /// A time with its zone, kept as +08:00; at most a day ahead of now.
    static func occurredAt(_ value: String, _ field: String, now: Date) throws -> String {
        guard let instant = BeijingTime.instant(value) else {
            throw DomainError.invalidField(
                field, message: "时间须带时区，如 2026-06-01T08:00:00+08:00",
                messageEN: "\(field) must be ISO 8601 with a zone, such as 2026-06-01T08:00:00+08:00")
        }
        guard instant <= now.addingTimeInterval(86_400) else {
            throw DomainError.invalidField(field, message: "时间不能晚于明天", messageEN: "\(field) must not be in the future")
        }
        return BeijingTime.timestamp(instant)
    }

    static func text(_ value: String?, _ field: String, required: Bool = false, maximum: Int) throws -> String {
        let text = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        // The message leaves the field's name to the answer, which puts it first in Chinese (「品名」不能为空).
        if required, text.isEmpty { throw DomainError.invalidField(field, message: "不能为空", messageEN: "\(field) is required") }
        guard text.count <= maximum else {
            throw DomainError.invalidField(field, message: "最长 \(maximum) 个字", messageEN: "\(field) must be at most \(maximum) characters")
        }
        guard !PersonalDataMask.containsIdentityNumber(text) else {
            throw DomainError.invalidField(
                field, message: "不得录入身份证号", messageEN: "\(field) must not hold an identity-card number")
        }
        return text
    }

    static func grams(_ value: Int64, _ field: String) throws -> Int64 {
        guard value > 0, value <= maximumGrams else {
            throw DomainError.invalidField(
                field, message: "数量须大于 0 且不超过 1000 吨（以克计）", messageEN: "\(field) must be 1 to 1,000,000,000 grams")
        }
        return value
    }

    static func phone(_ value: String?, _ field: String) throws -> String {
        let phone = try text(value, field, maximum: 20)
        guard phone.isEmpty || (phone.count >= 7 && phone.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") })) else {
            throw DomainError.invalidField(field, message: "电话只能是 7–20 位数字或连字符", messageEN: "\(field) must be 7 to 20 digits or hyphens")
        }
        return phone
    }

    static func missing(_ field: String, _ label: String) -> DomainError {
        DomainError.invalidField(field, message: "缺少\(label)", messageEN: "\(field) is required")
    }
}
