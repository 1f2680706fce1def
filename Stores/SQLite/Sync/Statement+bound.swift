import CSQLite
public import GRDB
import Foundation

extension Statement {
    /// Executes the statement with values bound straight through SQLite's C API.
    ///
    /// Capture runs two statements for every change, and a domain's arrival hook one or two more;
    /// binding through `StatementArguments` cost more than SQLite's own work. GRDB documents its raw
    /// statement pointer for such use; its hooks and change counts see the step as any other.
    public func execute(bound values: [DatabaseValue], in db: Database) throws {
        let statement = sqliteStatement
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value.storage {
            case .null: sqlite3_bind_null(statement, index)
            case .int64(let number): sqlite3_bind_int64(statement, index, number)
            case .double(let number): sqlite3_bind_double(statement, index, number)
            case .string(let text):
                // `withCString` lends a native string's own bytes; passing the String itself made a copy each.
                _ = text.withCString { sqlite3_bind_text(statement, index, $0, Int32(text.utf8.count), Self.transient) }
            case .blob(let data):
                _ = data.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), Self.transient) }
            }
        }
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                sql: sql)
        }
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
