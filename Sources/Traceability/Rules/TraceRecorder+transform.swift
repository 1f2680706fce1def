import ChinaLocale
import Sync
import DomainCore
import Foundation

extension TraceRecorder {
    /// Lots mixed or split, with the lots they became.
    public struct Transformation: Codable, Sendable {
        public let event: TraceEvent
        public let outputs: [TraceLot]
    }

    /// Mixes or splits lots: registers each output lot and one transforming event naming the
    /// inputs and outputs, all in one transaction. Inputs may be any village's lots (a
    /// cooperative buys from many); the outputs are this village's.
    public func transform(_ entry: TransformationEntry, by operatorName: String) async throws -> Transformation {
        let village = try stationVillage()
        return try await replica.writing { transaction in
            let trace = try transaction.trace
            guard !entry.inputs.isEmpty, Set(entry.inputs).count == entry.inputs.count else {
                throw DomainError.invalidField("inputs", message: "至少一个投入批次，且不重复", messageEN: "inputs must name at least one lot, each once")
            }
            guard !entry.outputs.isEmpty, entry.outputs.count <= 100 else {
                throw DomainError.invalidField("outputs", message: "产出批次须为 1–100 个", messageEN: "outputs must hold 1 to 100 lots")
            }
            var inputGrams: Int64 = 0
            for (index, id) in entry.inputs.enumerated() {
                guard let lot = try trace.lot(id: id) else {
                    throw DomainError.invalidField("inputs[\(index)]", message: "未查到该批次", messageEN: "inputs[\(index)] names no lot held here")
                }
                inputGrams += lot.quantityG
            }
            let outputGrams = entry.outputs.reduce(Int64(0)) { $0 + $1.quantityG }
            guard outputGrams <= inputGrams else {
                throw DomainError.invalidField(
                    "outputs", message: "产出总量 \(outputGrams) 克超过投入总量 \(inputGrams) 克",
                    messageEN: "outputs weigh \(outputGrams) g, more than the inputs' \(inputGrams) g")
            }
            let outputs = try entry.outputs.enumerated().map { index, output in
                try insertLot(output, village: village, prefix: "outputs[\(index)].", trace)
            }
            var made = EventEntry(lotID: outputs[0], kind: .transforming, occurredAt: entry.occurredAt)
            (made.bizLocation, made.note, made.quantityG) = (entry.bizLocation, entry.note, outputGrams)
            let event = try TraceRules.event(
                made, id: Self.newID(), village: village, recordedBy: operatorName, inputs: entry.inputs, outputs: outputs,
                now: now())
            try replica.write(trace, record: event, id: event.id, to: TraceCollections.event)
            return Transformation(
                event: try trace.event(id: event.id)!,
                outputs: try outputs.map { try trace.lot(id: $0)! })
        }
    }
}
