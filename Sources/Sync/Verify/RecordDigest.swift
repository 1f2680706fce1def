import Crypto
import Foundation

/// What a record is, reduced to 8 bytes, the same wherever it is held: a station's SQLite store and
/// a hub's PostgreSQL one reduce a record with the same fields to the same digest, whatever type
/// each store gave a column (`5`, `5.0` and `"5"` read alike, so only a change of value counts).
///
/// A bucket's checksum (``BucketSum``) adds its records' digests, so it moves by one record's
/// digest when one record changes, and the order records are read in does not matter.
///
/// ```swift
/// let digest = RecordDigest.of(id: "P-1", values: [.text("2026-12-01"), .integer(350)], in: "prices.observation")
/// let place = RecordDigest.place(of: "P-1")   // where the record falls when a bucket is split in ranges
/// ```
public enum RecordDigest {
    /// The digest of a record's synced fields, in its collection's sorted order of fields.
    public static func of(id: String, values: [SyncValue], in collection: String) -> UInt64 {
        var hasher = SHA256()
        hasher.update(data: Array(collection.utf8) + [0] + Array(id.utf8) + [0])
        for value in values {
            hasher.update(data: canonical(value))
        }
        return hasher.finalize().withUnsafeBytes { leading64($0) }
    }

    /// Where a record falls in its bucket's ranges (``VerifyRange``): the same id falls in the same
    /// range on both sides, whatever its fields hold, so an edited record is found in one range.
    public static func place(of id: String) -> UInt64 {
        SHA256.hash(data: Array(id.utf8)).withUnsafeBytes { leading64($0) }
    }

    /// A value as the bytes its digest reads: a kind mark that only null has apart, then its text.
    static func canonical(_ value: SyncValue) -> [UInt8] {
        switch value {
        case .null: [0x01]
        case .integer(let number): [0x02] + Array(String(number).utf8) + [0]
        case .real(let number):
            // A whole number stored in a column of reals reads as the same whole number.
            if number.rounded() == number, abs(number) < 9.0e15 {
                [0x02] + Array(String(Int64(number)).utf8) + [0]
            } else {
                [0x02] + Array("\(number)".utf8) + [0]
            }
        case .text(let text): [0x02] + Array(text.utf8) + [0]
        }
    }

    private static func leading64(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        bytes.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }
}

/// A bucket's or a range's checksum: how many records it holds and the sum of their digests,
/// wrapping. Two replicas that hold the same records in it hold the same sum.
public struct BucketSum: Sendable, Hashable, Codable {
    public var count: Int64
    public var sum: UInt64

    public init(count: Int64 = 0, sum: UInt64 = 0) {
        self.count = count
        self.sum = sum
    }

    public mutating func add(_ digest: UInt64) {
        count += 1
        sum &+= digest
    }

    public mutating func add(_ other: BucketSum) {
        count += other.count
        sum &+= other.sum
    }

    public mutating func subtract(_ other: BucketSum) {
        count -= other.count
        sum &-= other.sum
    }
}
