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
