/// The records a station's push writes, as the county holds them: read for the whole push in one
/// statement a collection before its changes are taken, and kept up to date as they are taken.
/// A change then learns whether its fact is new and which village owns its record without a
/// statement of its own, which on a database server, a round trip each, is most of what a push
/// costs.
///
/// What it read stays true while the push is applied: only the push's own changes write these
/// collections' rows in its transaction (what a domain derives goes to tables of its own, and the
/// county's bulletins, laid out as prices, are never a station's to push), and the hub's writer
/// is taken for the whole of it.
///
/// ```swift
/// var records = try PushedRecords(reading: changes, of: core.collections, log)
/// records.isHeld("prices.observation", "P-1")   // false: a new fact
/// ```
struct PushedRecords {
    /// Collection → record id → the value of its owner column (`.null` without one), for the
    /// records held.
    private var held: [String: [String: SyncValue]] = [:]

    init(reading changes: [Change], of collections: [String: SyncCollection], _ log: any ChangeLogTransaction) throws {
        var ids: [String: [String]] = [:]
        for change in changes {
            guard let collection = collections[change.collection], Self.isRead(collection) else { continue }
            ids[collection.name, default: []].append(change.recordID)
        }
        for (name, list) in ids.sorted(by: { $0.key < $1.key }) {
            guard let collection = collections[name] else { continue }
            held[name] = try log.recordValues(collection.scope.ownerColumn, in: collection, ids: list)
        }
    }

    /// A collection whose records a push reads: a fact's (is it new?) or an owned record's (whose?).
    private static func isRead(_ collection: SyncCollection) -> Bool {
        collection.policy == .appendOnly || collection.scope.ownerColumn != nil
    }

    /// Whether the push's records of a collection were read.
    func reads(_ collection: String) -> Bool { held[collection] != nil }

    /// Whether the record is held, or `nil` when its collection was not read.
    func isHeld(_ collection: String, _ id: String) -> Bool? {
        held[collection].map { $0[id] != nil }
    }

    /// The village the record's owner column names: `nil` when it is not held, names none, or its
    /// collection was not read.
    func owner(_ collection: String, _ id: String) -> String? {
        guard case .text(let owner)? = held[collection]?[id] else { return nil }
        return owner
    }

    /// Notes a change taken into its record: held now, owned by the village it names, or by the
    /// one that owned it.
    mutating func took(_ change: Change, into collection: SyncCollection) {
        guard held[collection.name] != nil else { return }
        // Read apart from the write, so that the write changes the table in place, not a copy.
        let owner = collection.scope.ownerColumn.flatMap { change.fields[$0] } ?? held[collection.name]?[change.recordID] ?? .null
        held[collection.name]?[change.recordID] = owner
    }
}
