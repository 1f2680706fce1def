import StoreInterface

/// The hub's log compaction (DESIGN §2): below a floor, a change is removed once later changes of
/// its record — later by (stamp, origin), the order merges go by — set every field it sets. Such a
/// change can never again win a merge of any of its fields, so a station replaying the log from any
/// position ends with the values it would have had; the log stops growing with every edit of the
/// same record. A station of protocol 2 whose position is below the floor takes a snapshot instead
/// (``HubSnapshot``), which also brings it the field clocks the removed changes set.
///
/// Kept whatever they are: every origin's last change (the county numbers its next change from
/// its own, and a station's received mark is checked against it), urgent changes (receipts join
/// them), changes of a collection that keeps its history (the books and a lot's history are
/// evidence) or that the hub does not know.
///
/// The log is read downward from its top, a page at a time, so that what supersedes a change has
/// been seen before it; a page's removals are written in a transaction of their own. Nothing else
/// removes changes, and changes logged meanwhile arrive above the top read, so a removal decided
/// on one page stays right whatever the pages after it.
///
/// ```swift
/// let (removed, read) = try await LogCompaction(core: core).compact(throughPosition: 10_000)
/// ```
struct LogCompaction: Sendable {
    let core: ReplicaCore

    /// Changes read at a time.
    static let readAtOnce = 5_000

    /// A record's fields, each with the latest (stamp, origin) seen to set it.
    private typealias LatestSetters = [String: (HybridTimestamp, String)]

    /// Removes the superseded changes at positions up to `floor`; answers how many, and how many
    /// changes it read.
    func compact(throughPosition floor: Int64) async throws -> (removed: Int, read: Int) {
        var latest: [RecordKey: LatestSetters] = [:]
        var lastOfOrigin: Set<String> = []
        var below = Int64.max
        var (removed, read) = (0, 0)
        while true {
            let page = try await core.store.reading { [below] transaction in
                try transaction.changeLog.changeOutlines(below: below, limit: Self.readAtOnce)
            }
            guard let bottom = page.last?.position else { break }
            var (superseded, own): ([Int64], [Int64]) = ([], [])
            for change in page {
                let isLastOfOrigin = lastOfOrigin.insert(change.origin).inserted
                guard let collection = core.collections[change.collection], !collection.keepsHistory else { continue }
                let key = RecordKey(collection: change.collection, id: change.recordID)
                let stamp = (HybridTimestamp(rawValue: change.timestamp), change.origin)
                var setters = latest[key] ?? [:]
                let covered = !change.fields.isEmpty && change.fields.allSatisfy { field in setters[field].map { $0 > stamp } ?? false }
                if covered, change.position <= floor, !isLastOfOrigin, !change.urgent {
                    if change.origin == core.origin { own.append(change.position) } else { superseded.append(change.position) }
                    continue
                }
                for field in change.fields where setters[field].map({ $0 < stamp }) ?? true { setters[field] = stamp }
                latest[key] = setters
            }
            if !superseded.isEmpty || !own.isEmpty {
                removed += try await core.store.writing { [superseded, own] transaction in
                    let log = try transaction.changeLog
                    // Counted as they go, in the same transaction: another process compacting at the
                    // same time removes each change once, and counts it once.
                    let ownRemoved = try log.removeChanges(at: own)
                    if ownRemoved > 0 { try log.setState("log_compacted_own", to: String(try Self.compactedOwn(log) + Int64(ownRemoved))) }
                    return try ownRemoved + log.removeChanges(at: superseded)
                }
            }
            read += page.count
            below = bottom
            if page.count < Self.readAtOnce { break }
        }
        return (removed, read)
    }

    /// How many of the replica's own changes compaction removed (``Replica/logProblems()`` counts them).
    static func compactedOwn(_ log: any ChangeLogTransaction) throws -> Int64 {
        try log.state("log_compacted_own").flatMap(Int64.init) ?? 0
    }
}
