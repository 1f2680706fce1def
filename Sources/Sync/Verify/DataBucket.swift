/// One bucket of the data a station holds: a collection's records of one scope (the hub's whole
/// area `""`, a division's, or the village's own). A station and its hub each sum a bucket
/// (``BucketSum``) to show they hold the same records in it (DESIGN §2.9).
///
/// ```swift
/// let buckets = DataBucket.held(by: "441422107201", of: PricesCollections.all)
/// // prices.category "", …, prices.bulletin "", "44", "4414", …, prices.observation "441422107201"
/// ```
public struct DataBucket: Sendable, Hashable, Comparable, Codable {
    public let collection: String
    public let scope: String

    public init(collection: String, scope: String) {
        self.collection = collection
        self.scope = scope
    }

    public static func < (left: DataBucket, right: DataBucket) -> Bool {
        (left.collection, left.scope) < (right.collection, right.scope)
    }

    enum CodingKeys: String, CodingKey {
        case collection = "c", scope = "s"
    }

    /// The buckets a station of a village holds, in order: a county-wide collection (and one read
    /// county-wide, such as trace lots) in one bucket, a division's collection in one a scope that
    /// reaches the village, a village's in the village's own.
    public static func held(by village: String, of collections: [SyncCollection]) -> [DataBucket] {
        held(by: village, inOrder: collections).sorted()
    }

    /// The same buckets in the order of the collections given (the order their records must arrive in).
    static func held(by village: String, inOrder collections: [SyncCollection]) -> [DataBucket] {
        collections.flatMap { collection in
            scopes(of: collection, for: village).map { DataBucket(collection: collection.name, scope: $0) }
        }
    }

    static func scopes(of collection: SyncCollection, for village: String) -> [String] {
        switch collection.scope {
        case .countyWide, .villageShared: [""]
        case .division: DivisionScopes(village: village).all
        case .village: [village]
        }
    }

    /// The column and value a store selects the bucket's rows by, `nil` for the whole table.
    func selection(in collection: SyncCollection) -> (column: String, value: String)? {
        switch collection.scope {
        case .countyWide, .villageShared: nil
        case .division(let column), .village(let column): (column, scope)
        }
    }
}

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

    public func contains(_ place: UInt64) -> Bool {
        bits == 0 || place >> UInt64(64 - bits) == prefix
    }

    /// The range's 16 parts, in order.
    public var parts: [VerifyRange] {
        (0..<UInt64(Self.fanOut)).map { VerifyRange(bucket: bucket, bits: bits + Self.bitsPerSplit, prefix: prefix << 4 | $0) }
    }

    /// Whether the range may be split again.
    public var splits: Bool { bits + Self.bitsPerSplit <= 64 }

    /// Which of ``parts`` a place falls in.
    func part(of place: UInt64) -> Int {
        Int(place >> UInt64(64 - bits - Self.bitsPerSplit) & 0xF)
    }

    enum CodingKeys: String, CodingKey {
        case bucket = "k", bits = "b", prefix = "p"
    }
}
