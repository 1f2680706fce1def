import Foundation
public import StoreInterface
public import Sync

/// One thing that happened to a lot (追溯事件), shaped after GS1 EPCIS 2.0: what (the lot and a
/// quantity), when (with its zone, +08:00), where (read point, business location), why (the kind,
/// a disposition), and the source and destination parties.
///
/// Events are facts, never changed: a wrong one is withdrawn by a `retraction` naming it, after
/// which it no longer counts anywhere. A `transforming` event turns its input lots into its
/// output lots (mixing, splitting).
///
/// ```swift
/// let event = try await recorder.record(EventEntry(lotID: lot.id, kind: .harvesting,
///                                                  occurredAt: "2026-06-01T07:30:00+08:00"), by: "operator-1")
/// ```
public struct TraceEvent: SyncRecord, Sendable, Equatable {
    public let id: String
    public let villageCode: String
    public let lotID: String
    public let kind: TraceEventKind
    /// ISO 8601 with +08:00.
    public let occurredAt: String
    public let readPoint: String
    public let bizLocation: String
    public let disposition: String
    public let sourceName: String
    public let sourceKind: PartyKind?
    public let destinationName: String
    public let destinationKind: PartyKind?
    public let quantityG: Int64?
    /// A pesticide or fertiliser: its name, registration number (登记证号), dose, and for a pesticide
    /// the days that must pass before harvest (安全间隔期).
    public let inputName: String
    public let registrationNumber: String
    public let dose: String
    public let safetyIntervalDays: Int?
    /// A test: how, what for, whether it passed, and by whom.
    public let testKind: TestKind?
    public let testItem: String
    public let testPassed: Bool?
    public let tester: String
    /// A transformation's input and output lots.
    public let inputs: [String]
    public let outputs: [String]
    /// A retraction's withdrawn event.
    public let retracts: String?
    public let note: String
    public let recordedBy: String
    public let recordedAt: String
    /// Whether a retraction has withdrawn it (kept locally, whichever arrives first).
    public let retracted: Bool

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, villageCode, kind, occurredAt, readPoint, bizLocation, disposition, sourceName, sourceKind
        case destinationName, destinationKind, quantityG, inputName, registrationNumber, dose, safetyIntervalDays
        case testKind, testItem, testPassed, tester, inputs, outputs, retracts, note, recordedBy, recordedAt, retracted
        case lotID = "lotId"
    }

    /// The Beijing date it happened on: the first ten characters of its +08:00 time.
    public var day: String { String(occurredAt.prefix(10)) }
}

extension TraceEvent {
    /// Read column by column: a trace lookup reads dozens of events, and the `Decodable` path costs
    /// it twice the time (bench trace). `RecordDeclarationTests` writes an event and reads it back
    /// through here, so a column this misses or misspells fails there.
    public init(row: some StoredRow) throws {
        id = row.text("id")
        villageCode = row.text("village_code")
        lotID = row.text("lot_id")
        kind = try row.value("kind", as: TraceEventKind.self)
        occurredAt = row.text("occurred_at")
        readPoint = row.text("read_point")
        bizLocation = row.text("biz_location")
        disposition = row.text("disposition")
        sourceName = row.text("source_name")
        sourceKind = row.optionalText("source_kind").flatMap(PartyKind.init(rawValue:))
        destinationName = row.text("destination_name")
        destinationKind = row.optionalText("destination_kind").flatMap(PartyKind.init(rawValue:))
        quantityG = row.optionalInteger("quantity_g")
        inputName = row.text("input_name")
        registrationNumber = row.text("registration_number")
        dose = row.text("dose")
        safetyIntervalDays = row.optionalInteger("safety_interval_days").map(Int.init)
        testKind = row.optionalText("test_kind").flatMap(TestKind.init(rawValue:))
        testItem = row.text("test_item")
        testPassed = row.optionalBool("test_passed")
        tester = row.text("tester")
        inputs = try Self.lots(row.text("inputs"))
        outputs = try Self.lots(row.text("outputs"))
        retracts = row.optionalText("retracts")
        note = row.text("note")
        recordedBy = row.text("recorded_by")
        recordedAt = row.text("recorded_at")
        retracted = row.integer("retracted") != 0
    }

    static func lots(_ json: String) throws -> [String] {
        json == "[]" ? [] : try JSONDecoder().decode([String].self, from: Data(json.utf8))
    }
}
