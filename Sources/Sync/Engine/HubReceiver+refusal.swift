import StoreInterface

/// Why the county refuses a station's change: for what the change says, and for the record it
/// would write.
extension HubReceiver {
    /// Why the county refuses a station's change for what the change itself says, or `nil`.
    func refusal(of change: Change, from station: StationPeer) -> String? {
        if let place = change.nullCharacterPlace { return "\(place) holds a NUL character (U+0000)" }
        guard let collection = core.collections[change.collection] else {
            return "unknown collection \(change.collection)"
        }
        if collection.policy == .countyAuthoritative {
            return "\(collection.name) is written by the county only"
        }
        switch collection.scope {
        case .villageShared:
            // Read county-wide, so its owner is named in its column (``ownerRefusal(of:from:_:_:)``).
            if !change.scope.isEmpty { return "\(collection.name) records travel county-wide" }
        case .division:
            return "\(collection.name) is published by the county only"
        case .village, .countyWide:
            if change.scope != station.village {
                return "the record belongs to \(change.scope.isEmpty ? "the county" : change.scope), not \(station.village)"
            }
            if case .village(let column) = collection.scope, let written = change.fields[column],
                written != .text(station.village)
            {
                return "field \(column) must be the station's village \(station.village)"
            }
        }
        if let unknown = change.fields.keys.first(where: { !collection.fieldSet.contains($0) }) {
            return "unknown field \(unknown) of \(collection.name)"
        }
        if core.clock.isTooFarAhead(change.timestamp) {
            return Self.clockAheadReason(change)
        }
        return nil
    }

    /// Why the county refuses a station's change to a record of a village, checked against the
    /// stored record in the writer's transaction, so that no station takes over, renames or moves
    /// another village's record by writing its id.
    func ownerRefusal(
        of change: Change, from station: StationPeer, _ records: PushedRecords, _ log: any ChangeLogTransaction
    ) throws -> String? {
        guard let collection = core.collections[change.collection], let column = collection.scope.ownerColumn else { return nil }
        let stored =
            records.reads(collection.name)
            ? records.owner(collection.name, change.recordID) : try core.storedOwner(of: collection, recordID: change.recordID, log)
        if change.fields[column] ?? stored.map(SyncValue.text) != .text(station.village) {
            return "field \(column) must be the station's village \(station.village)"
        }
        if let stored, stored != station.village {
            return "the record belongs to \(stored), not \(station.village)"
        }
        return nil
    }

    static func clockAheadReason(_ change: Change) -> String {
        "stamped \(change.timestamp) ahead of county time: the station's clock is wrong"
    }
}
