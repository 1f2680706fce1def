import GRDB

extension Store {
    /// Whether an error is SQLite's "database or disk is full": the transaction was rolled back
    /// and the store is as it was before it.
    public static func isDiskFull(_ error: any Error) -> Bool {
        (error as? DatabaseError)?.resultCode == .SQLITE_FULL
    }
}
