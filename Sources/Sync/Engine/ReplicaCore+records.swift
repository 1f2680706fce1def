import StoreInterface

/// A record as a station should hold it, for the hub to send whole (a mend, a snapshot): its synced
/// fields, masked for a station of another village where its collection redacts them, and the
/// field clocks that merged them, so that an older change arriving later changes nothing.
extension ReplicaCore {
    func record(
        _ id: String, _ fields: [String: SyncValue], of collection: SyncCollection, asHeldBy village: String,
        _ log: any ChangeLogTransaction
    ) throws -> MendedRecord {
        var fields = fields
        if let redaction = collection.redaction, case .villageShared(let column) = collection.scope, fields[column] != .text(village) {
            let held = fields
            fields = try redaction.rewrite(held) { held[$0] ?? .null }
        }
        let names: [String] =
            switch collection.policy {
            case .appendOnly: []
            case .countyAuthoritative: [Self.wholeRecord]
            case .mergeable: collection.sortedFields
            }
        var clocks: [String: MendedClock] = [:]
        for name in names {
            if let clock = try log.fieldClock(collection: collection.name, recordID: id, field: name) { clocks[name] = MendedClock(clock) }
        }
        return MendedRecord(id: id, fields: fields, clocks: clocks)
    }

    /// Takes a record the hub sent whole in the caller's transaction: its row, its division's code
    /// (a division's record travels in its bucket's scope), and its field clocks.
    func takeWhole(_ record: MendedRecord, of collection: SyncCollection, in bucket: DataBucket, _ log: any ChangeLogTransaction) throws {
        try upsert(record.fields, into: collection, id: record.id, division: collection.divisionColumn == nil ? nil : bucket.scope, log)
        for (field, clock) in record.clocks {
            self.clock.observe(clock.fieldClock.timestamp)
            try log.setFieldClock(collection: collection.name, recordID: record.id, field: field, to: clock.fieldClock)
        }
    }

    /// Takes of a merged record the hub sent whole only the fields whose clocks there are later than
    /// here, as the changes that set them would have merged: for a record with a change of this
    /// station's own on its way, which must not be lost. Answers the fields taken.
    func takeNewer(
        _ record: MendedRecord, of collection: SyncCollection, in bucket: DataBucket, _ log: any ChangeLogTransaction
    ) throws -> [String: SyncValue] {
        var taken: [String: SyncValue] = [:]
        for (field, value) in record.fields {
            guard let clock = record.clocks[field]?.fieldClock else { continue }
            let held = try log.fieldClock(collection: collection.name, recordID: record.id, field: field)
            guard held.map({ (clock.timestamp, clock.origin) > ($0.timestamp, $0.origin) }) ?? true else { continue }
            self.clock.observe(clock.timestamp)
            try log.setFieldClock(collection: collection.name, recordID: record.id, field: field, to: clock)
            taken[field] = value
        }
        if !taken.isEmpty {
            try upsert(taken, into: collection, id: record.id, division: collection.divisionColumn == nil ? nil : bucket.scope, log)
        }
        return taken
    }
}
