import StoreInterface

extension Replica {
    /// A change as a station receives it: as it is, unless it is of a record read county-wide that
    /// belongs to another village and its collection redacts what such a station sees.
    func redacted(_ change: Change, for station: StationPeer, _ log: any ChangeLogTransaction) throws -> Change {
        guard let collection = collections[change.collection], let redaction = collection.redaction,
            case .villageShared(let column) = collection.scope
        else { return change }
        let owner =
            if case .text(let village) = change.fields[column] { village }
            else { try storedOwner(of: collection, recordID: change.recordID, log) ?? "" }
        guard owner != station.village else { return change }
        let fields = try redaction.rewrite(change.fields) { field in
            try log.recordValue(field, in: collection, id: change.recordID)
        }
        guard fields != change.fields else { return change }
        return Change(
            origin: change.origin, sequence: change.sequence, timestamp: change.timestamp, collection: change.collection,
            recordID: change.recordID, scope: change.scope, fields: fields, bases: change.bases, signature: change.signature)
    }
}
