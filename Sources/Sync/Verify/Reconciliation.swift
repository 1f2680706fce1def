/// A station proving it holds what its hub holds, and mending what differs (DESIGN §2.9), once a
/// round has pulled: its buckets' sums are held against the hub's; a bucket that differs is split
/// in 16 ranges, and each range that differs again, until a range holds few records — those the
/// hub lists with their digests, and only the records that differ are fetched or dropped. So a
/// damaged row among a million costs a handful of small exchanges, and nothing else is sent again.
///
/// A bucket the hub changed after the station's position cannot be compared this round: the
/// outcome is then not settled, and the next round compares again.
///
/// ```swift
/// let outcome = try await Reconciliation(station: station, transport: transport)
///     .run(position: try await station.pullPosition(), sums: try await station.dataSums())
/// print(outcome?.mended ?? 0)
/// ```
public struct Reconciliation: Sendable {
    public let station: Replica
    public let transport: any SyncTransport

    public init(station: Replica, transport: any SyncTransport) {
        self.station = station
        self.transport = transport
    }

    /// What a reconciliation came to.
    public struct Outcome: Sendable, Equatable {
        /// Records taken in or dropped.
        public var mended = 0
        /// Buckets found to differ.
        public var differing = 0
        public var exchanges = 0
        /// Whether every bucket was compared (none had changed at the hub since the position).
        public var settled = true
    }

    /// A range split this many times is a whole id's place: no hub answers deeper.
    static let deepest = 64 / 4 + 1

    /// Compares and mends; `nil` when the hub cannot verify (one of the protocol before).
    public func run(position: Int64, sums: [DataBucket: BucketSum]) async throws -> Outcome? {
        var outcome = Outcome()
        var asked = sums.sorted { $0.key < $1.key }.map { RangeSum(range: VerifyRange(bucket: $0.key), sum: $0.value) }
        var held: [DataBucket: [HeldRecord]] = [:]
        var differing: [DataBucket: Set<String>] = [:]
        for _ in 0..<Self.deepest where !asked.isEmpty {
            var next: [RangeSum] = []
            for start in stride(from: 0, to: asked.count, by: VerifyRequest.largest) {
                let batch = Array(asked[start..<min(start + VerifyRequest.largest, asked.count)])
                guard let reply = try await transport.verify(VerifyRequest(position: position, ranges: batch)) else { return nil }
                outcome.exchanges += 1
                for verdict in reply.verdicts {
                    let bucket = verdict.range.bucket
                    switch verdict.kind {
                    case .same: continue
                    case .stale: outcome.settled = false
                    case .split, .leaf:
                        if verdict.range.bits == 0 { outcome.differing += 1 }
                        if held[bucket] == nil { held[bucket] = try await station.heldRecords(in: bucket) }
                        let ours = (held[bucket] ?? []).filter { verdict.range.contains($0.place) }
                        if verdict.kind == .leaf {
                            differing[bucket, default: []].formUnion(Self.differences(ours, verdict.records ?? []))
                        } else if let parts = verdict.parts, parts.count == VerifyRange.fanOut, verdict.range.splits {
                            next += Self.differingParts(of: verdict.range, ours, hubs: parts)
                        } else {
                            outcome.settled = false
                        }
                    }
                }
            }
            asked = next
        }
        for (bucket, ids) in differing.sorted(by: { $0.key < $1.key }) {
            let ids = ids.sorted()
            for start in stride(from: 0, to: ids.count, by: MendRequest.largest) {
                let reply = try await transport.mend(MendRequest(bucket: bucket, ids: Array(ids[start..<min(start + MendRequest.largest, ids.count)])))
                outcome.exchanges += 1
                outcome.mended += try await station.mend(reply, in: bucket)
            }
        }
        return outcome
    }

    /// The ids a leaf's records and the station's in its range do not agree on.
    static func differences(_ ours: [HeldRecord], _ hubs: [LeafRecord]) -> Set<String> {
        let hub = Dictionary(hubs.map { ($0.id, $0.digest) }, uniquingKeysWith: { first, _ in first })
        let held = Dictionary(ours.map { ($0.id, $0.digest) }, uniquingKeysWith: { first, _ in first })
        return Set(hub.filter { held[$0.key] != $0.value }.keys).union(held.filter { hub[$0.key] != $0.value }.keys)
    }

    /// The parts of a range whose sums differ from the hub's, with the station's sums of them.
    static func differingParts(of range: VerifyRange, _ ours: [HeldRecord], hubs: [BucketSum])
        -> [RangeSum]
    {
        zip(range.parts, zip(range.partSums(of: ours), hubs)).compactMap { part, pair in pair.0 == pair.1 ? nil : RangeSum(range: part, sum: pair.0) }
    }
}
