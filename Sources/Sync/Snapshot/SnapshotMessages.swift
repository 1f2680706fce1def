public import Foundation

/// A page of a snapshot a new station asks for (protocol 2): the first names no position, and the
/// hub fixes the position of its log the snapshot stands at; the next ones carry it and the cursor
/// the last page ended at.
public struct SnapshotRequest: SyncWireMessage, Equatable {
    public let position: Int64?
    public let cursor: SnapshotCursor?
    /// Whether the station reads documents' rows sent as columns (``RowsAsColumns``).
    public var columns: Bool?

    public init(position: Int64? = nil, cursor: SnapshotCursor? = nil, columns: Bool? = nil) {
        self.position = position
        self.cursor = cursor
        self.columns = columns
    }
}

/// Where a snapshot's page ended: the bucket, by its place in the station's order, and the last id.
public struct SnapshotCursor: Sendable, Codable, Equatable {
    public let bucket: Int
    public let after: String?

    public init(bucket: Int, after: String?) {
        self.bucket = bucket
        self.after = after
    }
}

/// A page of the station's scope as the hub holds it now: every record whole, by bucket, with its
/// field clocks; after the last page (`next` nil) the station goes on from `position` by pulls.
public struct SnapshotReply: SyncWireMessage, Equatable {
    /// The position of the hub's log the snapshot stands at: every change up to it is in it.
    public let position: Int64
    /// The epoch of the hub's log the position counts in.
    public let epoch: String
    public let countyOrigin: String
    public let countyTime: Int64
    public let parts: [SnapshotPart]
    /// Where the next page starts; `nil` after the last.
    public let next: SnapshotCursor?
    /// Whether ``wireJSON()`` writes documents' rows as columns: for a station that asked so.
    public var rowsAsColumns = false

    enum CodingKeys: String, CodingKey {
        case position, epoch, countyOrigin, countyTime, parts, next
    }

    public init(
        position: Int64, epoch: String, countyOrigin: String, countyTime: Int64, parts: [SnapshotPart], next: SnapshotCursor?
    ) {
        (self.position, self.epoch, self.countyOrigin, self.countyTime) = (position, epoch, countyOrigin, countyTime)
        (self.parts, self.next) = (parts, next)
    }

    public func wireJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        encoder.userInfo[RowsAsColumns.userInfoKey] = rowsAsColumns
        return try encoder.encode(self)
    }
}

/// A bucket's records in a snapshot's page.
public struct SnapshotPart: Sendable, Codable, Equatable {
    public let bucket: DataBucket
    public let records: [MendedRecord]

    public init(bucket: DataBucket, records: [MendedRecord]) {
        self.bucket = bucket
        self.records = records
    }
}
