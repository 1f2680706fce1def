import Foundation
import Sync

/// The traceability module's rule book (DESIGN §2.6): what a lot, an event or a certificate must
/// be wherever it is applied — through a program's API, pushed to the county, or pulled by any
/// station (lots and their facts are read county-wide). The sync layer already holds a village's
/// records to that village's station; these are the domain's rules on top:
/// - a trace code names one lot, and a certificate's code one certificate;
/// - an event or a certificate is of a lot held, of the same village;
/// - a recall and an official sampling are the county's acts, which no station records or retracts;
/// - a retraction names an event of the same lot that still counts;
/// - a transformation's lot lists are bounded, and its outputs are its village's lots.
///
/// ```swift
/// TraceCollections.event.rules   // TraceRuleBook.event
/// ```
enum TraceRuleBook {
    /// The most lots one transformation may name on each side.
    static let largestTransformation = 100

    static let lot: [ChangeRule] = [
        ChangeRule("trace.lot.code") { change in
            guard change.sets("trace_code") else { return nil }
            guard let text = try change.text("trace_code"), let code = try? TraceCode(text) else {
                return "trace_code must be a trace code of at most 128 characters"
            }
            let holder = try change.transaction.trace.lotHolding(codeKey: code.lookupKey, except: change.recordID)
            return holder.map { "trace code \(code.text) already names lot \($0)" }
        },
        ChangeRule("trace.lot.quantity") { change in
            guard change.sets("quantity_g") else { return nil }
            guard let grams = try change.integer("quantity_g"), (0...TraceRules.maximumGrams).contains(grams) else {
                return "quantity_g must be 0 to \(TraceRules.maximumGrams) grams"
            }
            return nil
        },
    ]

    static let event: [ChangeRule] = [
        ChangeRule("trace.event.lot") { change in
            try lotProblem(change, field: "lot_id")
        },
        ChangeRule("trace.event.county-acts") { change in
            guard change.author != .county, let kind = try change.text("kind") else { return nil }
            return isCountyAct(kind: kind, testKind: try change.text("test_kind"))
                ? "a recall or an official sampling is the county's to record" : nil
        },
        ChangeRule("trace.event.retraction") { change in
            guard case .text(let target) = try change.value("retracts") else { return nil }
            guard try change.text("kind") == TraceEventKind.retraction.rawValue else { return "only a retraction names an event to retract" }
            guard let retracted = try change.transaction.trace.event(id: target) else { return "retracts names no event held here" }
            let lots = [retracted.lotID] + retracted.inputs + retracted.outputs
            guard let lot = try change.text("lot_id"), lots.contains(lot) else { return "retracts must name an event of the same lot" }
            guard retracted.kind != .retraction else { return "a retraction is not retracted" }
            if change.author != .county, isCountyAct(kind: retracted.kind.rawValue, testKind: retracted.testKind?.rawValue) {
                return "a station never retracts the county's recall or official sampling"
            }
            return nil
        },
        ChangeRule("trace.event.transformation") { change in
            let inputs = decodedList(try change.text("inputs") ?? "[]")
            let outputs = decodedList(try change.text("outputs") ?? "[]")
            guard inputs.count <= largestTransformation, outputs.count <= largestTransformation else {
                return "a transformation names at most \(largestTransformation) lots each way"
            }
            guard try change.text("kind") == TraceEventKind.transforming.rawValue else {
                return inputs.isEmpty && outputs.isEmpty ? nil : "only a transformation names input and output lots"
            }
            let village = try change.text("village_code")
            let trace = try change.transaction.trace
            for output in outputs {
                let owner = try trace.villageOfLot(output)
                guard owner != nil, owner == village else { return "output lot \(output) is not a lot of \(village ?? "")" }
            }
            return nil
        },
    ]

    static let certificate: [ChangeRule] = [
        ChangeRule("trace.certificate.lot") { change in
            try lotProblem(change, field: "lot_id")
        },
        ChangeRule("trace.certificate.code") { change in
            guard let text = try change.text("code"), let code = try? TraceCode(text) else { return "code must be a trace code" }
            let holder = try change.transaction.trace.certificateHolding(codeKey: code.lookupKey, except: change.recordID)
            return holder.map { "certificate code \(code.text) already names certificate \($0)" }
        },
    ]

    /// Why a record's lot is not one it may name: it must be held, and of the record's village.
    static func lotProblem(_ change: ProposedChange, field: String) throws -> String? {
        guard let lot = try change.text(field) else { return "\(field) must name a lot" }
        let owner = try change.transaction.trace.villageOfLot(lot)
        guard let owner else { return "\(field) names no lot held here" }
        return owner == (try change.text("village_code")) ? nil : "\(field) names a lot of \(owner), not of this record's village"
    }

    /// A recall, or a test by the supervising agency: acts of the county's authority.
    static func isCountyAct(kind: String, testKind: String?) -> Bool {
        kind == TraceEventKind.recalling.rawValue
            || (kind == TraceEventKind.inspecting.rawValue && testKind == TestKind.official.rawValue)
    }

    /// A JSON array of ids, or none if the text is not one.
    static func decodedList(_ text: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}
