import Sync

extension TraceRecorder {
    /// Changes a lot's master data, checked by the same rules as a new lot; only the fields that
    /// change travel. The code, the village and the registration time never change.
    public func amend(lotID: String, _ amendment: LotAmendment, by operatorName: String) async throws -> TraceLot {
        try await replica.writing { transaction in
            let trace = try transaction.trace
            let lot = try ownedLot(lotID, field: "id", trace)
            let entry = LotEntry(
                traceCode: lot.traceCode, productName: amendment.productName ?? lot.productName,
                varietyCode: lot.varietyCode, quantityG: amendment.quantityG ?? lot.quantityG,
                producerName: amendment.producerName ?? lot.producerName,
                producerKind: amendment.producerKind ?? lot.producerKind,
                producerPhone: amendment.producerPhone ?? lot.producerPhone,
                producerCreditCode: amendment.producerCreditCode ?? lot.producerCreditCode,
                origin: amendment.origin ?? lot.origin)
            var fields = try TraceRules.lot(
                entry, id: lot.id, code: try TraceCode(lot.traceCode), village: lot.villageCode, prefix: "", now: now()
            ).syncFields()
            for fixed in ["id", "trace_code", "village_code", "created_at"] { fields[fixed] = nil }
            try replica.write(trace, to: TraceCollections.lot.name, id: lot.id, fields: fields)
            return try trace.lot(id: lot.id)!
        }
    }
}
