import StoreInterface

/// Capture: the replica's own writes, each taken into the store and logged as a change in the
/// writer's transaction, so that the data and its change commit or vanish together.
///
/// ```swift
/// let capture = ChangeCapture(core: core)
/// try store.writingNow { transaction in
///     try capture.write(transaction, to: "prices.observation", id: id, fields: fields)
/// }
/// ```
struct ChangeCapture: Sendable {
    let core: ReplicaCore

    /// Writes a record's fields and records the change. For an append-only collection a second
    /// write of the same id is a no-op and answers `nil`.
    func write(
        _ transaction: some StoreTransaction, to collectionName: String, id recordID: String, fields: [String: SyncValue]
    ) throws -> Change? {
        let log = try transaction.changeLog
        guard let collection = core.collections[collectionName] else { throw SyncError.unknownCollection(collectionName) }
        var fields = fields
        let division = collection.divisionColumn.flatMap { fields.removeValue(forKey: $0) }
        if let unknown = fields.keys.first(where: { !collection.fieldSet.contains($0) }) {
            throw SyncError.unknownField(collection: collectionName, field: unknown)
        }
        let owner = try owner(of: collection, recordID: recordID, fields: fields, log)
        try checkWritable(collection, owner: owner)
        if collection.policy == .appendOnly {
            // A fact is written once; a division's records are county-authoritative, never facts.
            let scope = try scope(of: collection, owner: owner, recordID: recordID, held: false, division: nil, log)
            return try captureFact(collection, id: recordID, scope: scope, fields: fields, log)
        }
        let held = try log.recordExists(in: collection, id: recordID)
        let scope = try scope(of: collection, owner: owner, recordID: recordID, held: held, division: division, log)
        if held {  // a field written with the value it has is no change, and costs no bytes on the wire
            fields = try fields.filter { field, value in try log.recordValue(field, in: collection, id: recordID) != value }
            if fields.isEmpty { return nil }
        }

        var bases: [String: HybridTimestamp] = [:]
        if case .mergeable = collection.policy {
            for field in fields.keys {
                bases[field] = try log.fieldClock(collection: collection.name, recordID: recordID, field: field)?.timestamp
            }
        }
        var change = Change(
            origin: core.origin, sequence: try core.nextSequence(log), timestamp: core.clock.now(),
            collection: collection.name, recordID: recordID, scope: scope, fields: fields, bases: bases)
        if collection.policy == .countyAuthoritative, let signature = core.signature {
            change = try signature.sign(change)
        }
        if let broken = try core.take(change, into: collection, author: core.ownAuthor, log).broken {
            throw SyncError.refused(rule: broken.rule, reason: broken.reason)
        }
        try core.logChange(change, log)
        return change
    }

    /// Writes a whole record, its fields encoded from its declaration (``SyncRecord``); the
    /// collection's id and unsynced columns are left out.
    func write(
        _ transaction: some StoreTransaction, record: some SyncRecord, id recordID: String, to collection: SyncCollection
    ) throws -> Change? {
        let fields = try record.syncFields().filter { collection.fieldSet.contains($0.key) || $0.key == collection.divisionColumn }
        return try write(transaction, to: collection.name, id: recordID, fields: fields)
    }

    /// A fact is inserted once: the insert itself says whether the id was new, so a second write of
    /// the same id costs no lookup and logs nothing.
    private func captureFact(
        _ collection: SyncCollection, id recordID: String, scope: String, fields: [String: SyncValue],
        _ log: any ChangeLogTransaction
    ) throws -> Change? {
        // Checked before the insert, which says whether the id was new: the sequence is taken only then.
        let proposed = Change(
            origin: core.origin, sequence: 0, timestamp: core.clock.now(), collection: collection.name, recordID: recordID,
            scope: scope, fields: fields)
        if let broken = try collection.brokenRule(
            ProposedChange(change: proposed, collection: collection, author: core.ownAuthor, here: core.role, transaction: log))
        {
            // A fact written again with its id is a no-op, not a new fact for the rules to judge.
            if try log.recordExists(in: collection, id: recordID) { return nil }
            throw SyncError.refused(rule: broken.rule, reason: broken.reason)
        }
        guard try log.insertRecord(core.row(fields, of: collection, id: recordID), replacing: false) else { return nil }
        try core.arrive(collection, id: recordID, fields, log)
        let change = Change(
            origin: core.origin, sequence: try core.nextSequence(log), timestamp: proposed.timestamp,
            collection: collection.name, recordID: recordID, scope: scope, fields: fields)
        try core.logChange(change, log)
        return change
    }

    /// The village code a record belongs to (empty for the county's): from the fields written, else
    /// from the stored row.
    private func owner(
        of collection: SyncCollection, recordID: String, fields: [String: SyncValue], _ log: any ChangeLogTransaction
    ) throws -> String {
        guard let column = collection.scope.ownerColumn else { return "" }
        if case .text(let village) = fields[column] ?? .null, !village.isEmpty { return village }
        guard let stored = try core.storedOwner(of: collection, recordID: recordID, log), !stored.isEmpty else {
            throw SyncError.missingScope(collection: collection.name, recordID: recordID)
        }
        return stored
    }

    /// The scope a record travels in: its village's, or, for a record every station reads, the
    /// county-wide scope (its owner stays in its column); a division's record, its division's, as
    /// written or as held. A record stays in the division it was published for: the stations of
    /// another would never hear that it left theirs.
    private func scope(
        of collection: SyncCollection, owner: String, recordID: String, held: Bool, division: SyncValue?,
        _ log: any ChangeLogTransaction
    ) throws -> String {
        switch collection.scope {
        case .countyWide, .villageShared: return ""
        case .village: return owner
        case .division(let column):
            // Not `held ? … : nil`: a SyncValue is itself written `nil` (.null).
            var published: SyncValue?
            if held { published = try log.recordValue(column, in: collection, id: recordID) }
            guard let division else { return published?.textValue ?? "" }
            guard case .text(let code) = division, DivisionScopes.isPublishable(code) else {
                throw SyncError.notWritableHere("\(collection.name) field \(column) must be a division's code of 2, 4, 6, 9 or 12 digits, or empty for the whole hub")
            }
            if let published, (published.textValue ?? "") != code {
                throw SyncError.notWritableHere("\(collection.name) record \(recordID) is published for \(published.textValue ?? ""), not \(code)")
            }
            return code
        }
    }

    /// A station writes only its own village's records, and never what the county owns.
    private func checkWritable(_ collection: SyncCollection, owner scope: String) throws {
        guard case .station(let village) = core.role else { return }
        if collection.policy == .countyAuthoritative {
            throw SyncError.notWritableHere("\(collection.name) is written by the county only")
        }
        if case .division = collection.scope {
            throw SyncError.notWritableHere("\(collection.name) is published by the county only")
        }
        if scope != village {
            throw SyncError.notWritableHere("\(collection.name) record belongs to \(scope.isEmpty ? "the county" : scope)")
        }
    }
}
