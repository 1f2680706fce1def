/// A part of a bucket: the records whose place (``RecordDigest/place(of:)``) begins with `prefix`'s
/// leading `bits` bits; the whole bucket at 0 bits. A range that differs is split in 16.
public struct VerifyRange: Sendable, Hashable, Codable {
    public let bucket: DataBucket
    public let bits: Int
    public let prefix: UInt64

    /// Each split narrows a range by 4 bits: 16 parts.
    public static let fanOut = 16
    static let bitsPerSplit = 4

    public init(bucket: DataBucket, bits: Int = 0, prefix: UInt64 = 0) {
        self.bucket = bucket
        self.bits = bits
        self.prefix = prefix
    }

    /// Whether a place falls in the range; a range of no valid width (as a station may send one)
    /// holds nothing, rather than trapping on the shift.
    public func contains(_ place: UInt64) -> Bool {
        switch bits {
        case 0: true
        case 1..<64: place >> UInt64(64 - bits) == prefix
        case 64: place == prefix
        default: false
        }
    }

    /// The range's 16 parts, in order.
    public var parts: [VerifyRange] {
        (0..<UInt64(Self.fanOut)).map { VerifyRange(bucket: bucket, bits: bits + Self.bitsPerSplit, prefix: prefix << 4 | $0) }
    }

    /// Whether the range may be split again.
    public var splits: Bool { bits + Self.bitsPerSplit <= 64 }

    /// Which of ``parts`` a place in the range falls in; only of a range that ``splits``.
    func part(of place: UInt64) -> Int {
        Int(place >> UInt64(64 - bits - Self.bitsPerSplit) & 0xF)
    }

    /// The sums of the records of the range in each of its parts; none for a range that does not split.
    func partSums(of records: [HeldRecord]) -> [BucketSum] {
        guard splits, bits >= 0 else { return [] }
        var sums = [BucketSum](repeating: BucketSum(), count: Self.fanOut)
        for record in records where contains(record.place) { sums[part(of: record.place)].add(record.digest) }
        return sums
    }

    enum CodingKeys: String, CodingKey {
        case bucket = "k", bits = "b", prefix = "p"
    }
}
