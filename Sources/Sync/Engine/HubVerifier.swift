import StoreInterface
import Synchronization

/// The hub's side of proving a station holds what it should (DESIGN §2.9): its sums of the ranges a
/// station asks of, and the records a station found differ, as that station should hold them.
///
/// A bucket's sum as the hub holds it is kept from one question to the next, by the log's position
/// it was read at; it is read again only once the log holds a change of the bucket after that
/// position. So the county-wide buckets every station asks of are read once per change, not once
/// per station.
///
/// ```swift
/// let verifier = HubVerifier(core: core)
/// let reply = try await verifier.verify(VerifyRequest(position: 120, ranges: sums), for: station)
/// ```
struct HubVerifier: Sendable {
    let core: ReplicaCore
    let kept: KeptSums

    /// A range holding at most this many records at the hub is answered record by record.
    static let leafSize = 24

    /// The sums the hub keeps, by bucket: the position they were read at, and the sums by owner.
    final class KeptSums: Sendable {
        let sums = Mutex<[DataBucket: (position: Int64, owners: [String: BucketScan.OwnerSums])]>([:])
    }

    /// Answers each range: the same, changed since the station's position, or different — then
    /// split in parts, or listed record by record when it holds few.
    func verify(_ request: VerifyRequest, for station: StationPeer) async throws -> VerifyReply {
        let allowed = Set(DataBucket.held(by: station.village, of: Array(core.collections.values)))
        return try await core.store.reading { transaction in
            let log = try transaction.changeLog
            var scanned: [DataBucket: [HeldRecord]] = [:]
            var verdicts: [RangeVerdict] = []
            for asked in request.ranges.prefix(VerifyRequest.largest) {
                let range = asked.range
                guard allowed.contains(range.bucket), let collection = core.collections[range.bucket.collection],
                    range.bits >= 0, range.bits <= 64, range.bits % 4 == 0,
                    try !log.hasChanges(
                        after: request.position, collection: collection.name, scope: range.bucket.scope, notFrom: station.origin)
                else {
                    verdicts.append(RangeVerdict(range: range, kind: .stale))
                    continue
                }
                let scan = BucketScan(collection: collection, bucket: range.bucket)
                if range.bits == 0, try sum(of: scan, for: station.village, log) == asked.sum {
                    verdicts.append(RangeVerdict(range: range, kind: .same))
                    continue
                }
                if scanned[range.bucket] == nil { scanned[range.bucket] = try scan.records(log, viewer: station.village) }
                verdicts.append(Self.verdict(on: range, asked.sum, holding: scanned[range.bucket] ?? []))
            }
            return VerifyReply(verdicts: verdicts)
        }
    }

    /// The verdict on one range from the hub's records of its bucket.
    static func verdict(on range: VerifyRange, _ stations: BucketSum, holding records: [HeldRecord])
        -> RangeVerdict
    {
        let inRange = records.filter { range.contains($0.place) }
        var held = BucketSum()
        for record in inRange { held.add(record.digest) }
        if held == stations { return RangeVerdict(range: range, kind: .same) }
        guard inRange.count > leafSize, range.splits else {
            return RangeVerdict(range: range, kind: .leaf, records: inRange.map { LeafRecord(id: $0.id, digest: $0.digest) })
        }
        return RangeVerdict(range: range, kind: .split, parts: range.partSums(of: inRange))
    }

    /// A bucket's sum as a station of a village should hold it, from the sums kept while the log
    /// holds no change of the bucket after them.
    private func sum(of scan: BucketScan, for village: String, _ log: any ChangeLogTransaction) throws -> BucketSum {
        let bucket = scan.bucket
        if let held = kept.sums.withLock({ $0[bucket] }),
            try !log.hasChanges(after: held.position, collection: bucket.collection, scope: bucket.scope, notFrom: "")
        {
            return BucketScan.sum(for: village, of: held.owners)
        }
        // The position first: a change logged while the bucket is read is read again next time.
        let position = try log.lastPosition() ?? 0
        let owners = try scan.ownerSums(log)
        kept.sums.withLock { $0[bucket] = (position, owners) }
        return BucketScan.sum(for: village, of: owners)
    }

    /// The records a station names, as a station of its village should hold them; those the hub
    /// does not hold named absent. Only a bucket the station holds is answered.
    func mend(_ request: MendRequest, for station: StationPeer) async throws -> MendReply {
        let allowed = Set(DataBucket.held(by: station.village, of: Array(core.collections.values)))
        guard allowed.contains(request.bucket), let collection = core.collections[request.bucket.collection] else {
            throw SyncError.refused(rule: "bucket", reason: "\(request.bucket.collection) \(request.bucket.scope) is not this station's to mend")
        }
        let ids = Array(Set(request.ids.prefix(MendRequest.largest))).sorted()
        return try await core.store.reading { transaction in
            let log = try transaction.changeLog
            var fields: [String: [String: SyncValue]] = [:]
            let present = try log.recordValues(nil, in: collection, ids: ids)
            for field in collection.sortedFields {
                for (id, value) in try log.recordValues(field, in: collection, ids: ids) { fields[id, default: [:]][field] = value }
            }
            var records: [MendedRecord] = []
            for id in ids where present[id] != nil {
                var held = fields[id] ?? [:]
                if let selection = request.bucket.selection(in: collection), held[selection.column].map({ $0 != .text(selection.value) }) ?? false {
                    continue  // a record of another village or division: not this bucket's
                }
                records.append(try core.record(id, held, of: collection, asHeldBy: station.village, log))
            }
            return MendReply(records: records, absent: ids.filter { present[$0] == nil })
        }
    }
}
