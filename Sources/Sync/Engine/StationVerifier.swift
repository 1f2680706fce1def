import Crypto
import Foundation
import StoreInterface

/// A station's side of proving it holds what its hub holds (DESIGN §2.9): its buckets summed from
/// the rows as they are — so a row deleted, changed or added by hand, which no log records, is
/// counted — and the hub's records taken in where they differ.
///
/// ```swift
/// let verifier = StationVerifier(core: core)
/// let sums = try await verifier.sums()
/// let mended = try await verifier.mend(reply, in: bucket)
/// ```
struct StationVerifier: Sendable {
    let core: ReplicaCore

    /// Every bucket the station holds, summed from its rows.
    func sums() async throws -> [DataBucket: BucketSum] {
        let village = core.village ?? ""
        let collections = core.collections
        return try await core.store.reading { transaction in
            let log = try transaction.changeLog
            var sums: [DataBucket: BucketSum] = [:]
            for bucket in DataBucket.held(by: village, of: Array(collections.values)) {
                guard let collection = collections[bucket.collection] else { continue }
                var sum = BucketSum()
                try BucketScan(collection: collection, bucket: bucket).each(log, viewer: nil) { _, _, digest in sum.add(digest) }
                sums[bucket] = sum
            }
            return sums
        }
    }

    /// A bucket's records as the station holds them: each id, its place and its digest.
    func records(in bucket: DataBucket) async throws -> [HeldRecord] {
        guard let collection = core.collections[bucket.collection] else { return [] }
        return try await core.store.reading { transaction in
            try BucketScan(collection: collection, bucket: bucket).records(try transaction.changeLog, viewer: nil)
        }
    }

    /// Takes in the hub's records of a bucket as the hub holds them, and drops those it holds none
    /// of; answers how many records changed. A record the station changed since (a change of its
    /// own not yet acknowledged) is left: that change is on its way, and the next round compares again.
    ///
    /// What the record's domain derived from it is not derived again: it was derived when the record
    /// first arrived, and a hand that changed the row did not change what was derived from it.
    func mend(_ reply: MendReply, in bucket: DataBucket) async throws -> Int {
        guard let collection = core.collections[bucket.collection] else { return 0 }
        return try await core.store.writing { [core] transaction in
            let log = try transaction.changeLog
            let pending = Set(try core.unacknowledgedRecords(log).filter { $0.collection == collection.name }.map(\.id))
            var mended = 0
            for record in reply.records where !pending.contains(record.id) {
                guard record.fields.keys.allSatisfy(collection.fieldSet.contains) else { continue }
                try core.takeWhole(record, of: collection, in: bucket, log)
                mended += 1
            }
            for id in reply.absent where !pending.contains(id) {
                guard try log.recordExists(in: collection, id: id) else { continue }
                try log.deleteRecord(in: collection, id: id)
                mended += 1
            }
            return mended
        }
    }

    /// The digest of all the station's sums: what it last found the same as the hub's is kept, and
    /// a round whose sums still read the same need not ask again.
    static func digest(of sums: [DataBucket: BucketSum]) -> String {
        var hasher = SHA256()
        for (bucket, sum) in sums.sorted(by: { $0.key < $1.key }) {
            hasher.update(data: Array("\(bucket.collection)\u{0}\(bucket.scope)\u{0}\(sum.count)\u{0}\(sum.sum)\u{0}".utf8))
        }
        return hasher.finalize().prefix(12).map { String(format: "%02x", $0) }.joined()
    }

    /// What the station last found the same as its hub (``digest(of:)``).
    func verifiedDigest() async throws -> String? {
        try await core.store.reading { transaction in try transaction.changeLog.state("verified_data") }
    }

    func keepVerified(_ digest: String) async throws {
        try await core.store.writing { transaction in try transaction.changeLog.setState("verified_data", to: digest) }
    }
}
