/// A record as a bucket's verification reads it: its id, its place among the bucket's ranges
/// (``RecordDigest/place(of:)``) and its digest (``RecordDigest/of(id:values:in:)``).
///
/// ```swift
/// let held = try await station.heldRecords(in: bucket)   // [HeldRecord]
/// let inRange = held.filter { range.contains($0.place) }
/// ```
public struct HeldRecord: Sendable, Equatable {
    public let id: String
    public let place: UInt64
    public let digest: UInt64

    public init(id: String, place: UInt64, digest: UInt64) {
        (self.id, self.place, self.digest) = (id, place, digest)
    }
}
