import StoreInterface

/// A bucket's records read from a store and reduced to digests, as one replica holds them or, at
/// the hub, as a station of a given village holds them: a record of another village that its
/// collection redacts for such a station (a farmer's name on a trace lot) is digested redacted.
///
/// ```swift
/// let scan = BucketScan(collection: TraceCollections.lot, bucket: DataBucket(collection: "trace.lot", scope: ""))
/// try scan.each(log, viewer: "441422107201") { id, place, digest in … }
/// ```
struct BucketScan {
    let collection: SyncCollection
    let bucket: DataBucket

    /// The village whose records a redacting collection keeps whole, for a viewer: its own.
    private var redactedColumn: String? {
        guard collection.redaction != nil, case .villageShared(let column) = collection.scope else { return nil }
        return column
    }

    /// Hands over each record: its id, its place and its digest as the viewer holds it (`nil`: as
    /// held here).
    func each(_ log: any ChangeLogTransaction, viewer: String?, _ body: (String, UInt64, UInt64) throws -> Void) throws {
        let fields = collection.sortedFields
        let owner = redactedColumn.flatMap { fields.firstIndex(of: $0) }
        try log.eachRecord(in: collection, fields: fields, where: bucket.selection(in: collection)) { id, values in
            var digest: UInt64
            if let viewer, let owner, values[owner] != .text(viewer) {
                digest = try redactedDigest(id: id, values: values)
            } else {
                digest = RecordDigest.of(id: id, values: values, in: collection.name)
            }
            try body(id, RecordDigest.place(of: id), digest)
        }
    }

    /// The bucket's records as the viewer holds them (`nil`: as held here).
    func records(_ log: any ChangeLogTransaction, viewer: String?) throws -> [HeldRecord] {
        var records: [HeldRecord] = []
        try each(log, viewer: viewer) { records.append(HeldRecord(id: $0, place: $1, digest: $2)) }
        return records
    }

    /// The bucket's sums by the village owning each record, whole and redacted, for a collection
    /// that redacts; one sum under `""` for any other. Any village's view is worked out from them
    /// (``sum(for:of:)``) without reading the bucket again.
    func ownerSums(_ log: any ChangeLogTransaction) throws -> [String: OwnerSums] {
        let fields = collection.sortedFields
        guard let column = redactedColumn, let owner = fields.firstIndex(of: column) else {
            var sum = BucketSum()
            try log.eachRecord(in: collection, fields: fields, where: bucket.selection(in: collection)) { id, values in
                sum.add(RecordDigest.of(id: id, values: values, in: collection.name))
            }
            return ["": OwnerSums(whole: sum, redacted: sum)]
        }
        var sums: [String: OwnerSums] = [:]
        try log.eachRecord(in: collection, fields: fields, where: nil) { id, values in
            let village = values[owner].textValue ?? ""
            sums[village, default: OwnerSums()].whole.add(RecordDigest.of(id: id, values: values, in: collection.name))
            sums[village, default: OwnerSums()].redacted.add(try redactedDigest(id: id, values: values))
        }
        return sums
    }

    /// A village's view of a bucket from its sums by owner: its own records whole, the others redacted.
    static func sum(for viewer: String, of owners: [String: OwnerSums]) -> BucketSum {
        var sum = BucketSum()
        for (village, sums) in owners { sum.add(village == viewer ? sums.whole : sums.redacted) }
        return sum
    }

    private func redactedDigest(id: String, values: [SyncValue]) throws -> UInt64 {
        guard let redaction = collection.redaction else { return RecordDigest.of(id: id, values: values, in: collection.name) }
        let fields = collection.sortedFields
        let held = Dictionary(uniqueKeysWithValues: zip(fields, values))
        let redacted = try redaction.rewrite(held) { held[$0] ?? .null }
        return RecordDigest.of(id: id, values: fields.map { redacted[$0] ?? .null }, in: collection.name)
    }

    /// A bucket's sums of one owning village.
    struct OwnerSums: Sendable {
        var whole = BucketSum()
        var redacted = BucketSum()
    }
}
