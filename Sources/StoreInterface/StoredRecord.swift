/// A record read back from a store by its `Decodable` declaration alone: each coding key names the
/// column of its snake_case spelling (``StoredRowDecoder``), a nested value kept as JSON text is read
/// with the API's conventions. The record's coding keys are then the one list of its columns.
///
/// ```swift
/// struct TraceLot: StoredRecord { let id: String; let quantityG: Int64 }
/// let lot = try TraceLot(row: row)   // reads the columns id and quantity_g
/// ```
public protocol StoredRecord: Decodable {
    /// Reads the record from a row: by default through its `Decodable` declaration. A record read
    /// by the dozen on a hot path may read its columns by hand instead, held to its coding keys
    /// by a test that writes it and reads it back.
    init(row: some StoredRow) throws
}

extension StoredRecord {
    /// Read from whichever store holds it, column by the snake_case name of each coding key.
    public init(row: some StoredRow) throws {
        self = try StoredRowDecoder.decode(Self.self, from: row)
    }
}
