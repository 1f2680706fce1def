public import ChinaLocale
import CSQLite
import Prices
import PricesSQLite
import Traceability
import TraceabilitySQLite

/// The baseline: a module's statements (prices, traceability) prepared and stepped through the SQLite C API, each
/// column read, nothing decoded into Swift types beyond that.
public final class BareSQLite {
    let db: OpaquePointer
    var statements: [String: OpaquePointer] = [:]

    public init(path: String) throws {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let handle else {
            throw BareError.open(path)
        }
        db = handle
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close(db)
    }

    enum BareError: Error { case open(String), prepare(String) }

    public func board(on day: BeijingDay) throws {
        guard let latest = try text(PriceStatements.latestDay, [day.text]), let latestDay = BeijingDay(latest) else { return }
        let earlier = try text(PriceStatements.latestDay, [latestDay.adding(days: -7).text])
        try step(PriceStatements.board, [latest, earlier.flatMap { $0 >= latestDay.adding(days: -14).text ? $0 : nil }])
    }

    public func history(variety: String, through today: BeijingDay, days: Int) throws {
        _ = try text(PriceStatements.varietyName, [variety])
        guard let latest = try text(PriceStatements.latestDayOfVariety, [variety, today.text]),
            let end = BeijingDay(latest)
        else { return }
        try step(PriceStatements.series, [variety, end.adding(days: 1 - days).text, end.text])
        for back in [7, 365] {
            let day = end.adding(days: -back)
            try step(PriceStatements.series, [variety, day.adding(days: -6).text, day.text])
        }
    }

    /// A code looked up as ``TraceQueries/lookup(_:)`` does, by the same statements, from its key.
    public func lookUp(key: String) throws {
        typealias SQL = TraceStatements
        var lotID: String
        if let certified = try step(SQL.certificateByKey, [key], keeping: 2).first {
            lotID = certified
            try step(SQL.lotByID, [lotID])
        } else {
            guard let found = try step(SQL.lotByKey, [key], keeping: 0).first else { return }
            lotID = found
            try step(SQL.certificateOfLot, [lotID])
        }
        let upstream = try step(SQL.upstream, [lotID, 100], keeping: 0)
        try step(SQL.downstream, [lotID, 100])
        for id in upstream { try step(SQL.lotByID, [id]) }
        let ids = ([lotID] + upstream).map { "\"\($0)\"" }.joined(separator: ",")
        try step(SQL.eventsOfLots, ["[\(ids)]"])
    }

    /// The first column of the first row, as text.
    func text(_ sql: String, _ arguments: [(any BareArgument)?]) throws -> String? {
        let statement = try prepared(sql, arguments)
        defer { sqlite3_reset(statement) }
        guard sqlite3_step(statement) == SQLITE_ROW, let text = sqlite3_column_text(statement, 0) else { return nil }
        return String(cString: text)
    }

    /// Every row stepped and every column read.
    func step(_ sql: String, _ arguments: [(any BareArgument)?]) throws {
        let statement = try prepared(sql, arguments)
        defer { sqlite3_reset(statement) }
        var sink = 0
        while sqlite3_step(statement) == SQLITE_ROW {
            for column in 0..<sqlite3_column_count(statement) {
                if sqlite3_column_type(statement, column) == SQLITE_TEXT {
                    sink &+= Int(sqlite3_column_bytes(statement, column))
                } else {
                    sink &+= Int(sqlite3_column_int64(statement, column))
                }
            }
        }
        blackHole = sink
    }

    var blackHole = 0

    /// Every row stepped and every column read; the text of one column of each row returned.
    func step(_ sql: String, _ arguments: [(any BareArgument)?], keeping column: Int32) throws -> [String] {
        let statement = try prepared(sql, arguments)
        defer { sqlite3_reset(statement) }
        var kept: [String] = []
        var sink = 0
        while sqlite3_step(statement) == SQLITE_ROW {
            for index in 0..<sqlite3_column_count(statement) {
                if sqlite3_column_type(statement, index) == SQLITE_TEXT {
                    sink &+= Int(sqlite3_column_bytes(statement, index))
                    if index == column { kept.append(String(cString: sqlite3_column_text(statement, index))) }
                } else {
                    sink &+= Int(sqlite3_column_int64(statement, index))
                }
            }
        }
        blackHole = sink
        return kept
    }

    func prepared(_ sql: String, _ arguments: [(any BareArgument)?]) throws -> OpaquePointer {
        let statement: OpaquePointer
        if let cached = statements[sql] {
            statement = cached
        } else {
            var handle: OpaquePointer?
            guard sqlite3_prepare_v2(db, sql, -1, &handle, nil) == SQLITE_OK, let handle else { throw BareError.prepare(sql) }
            statements[sql] = handle
            statement = handle
        }
        for (index, argument) in arguments.enumerated() {
            if let argument {
                argument.bind(to: statement, at: Int32(index + 1))
            } else {
                sqlite3_bind_null(statement, Int32(index + 1))
            }
        }
        return statement
    }
}

/// A value bound to a bare statement's parameter.
protocol BareArgument {
    func bind(to statement: OpaquePointer, at index: Int32)
}

extension String: BareArgument {
    func bind(to statement: OpaquePointer, at index: Int32) {
        sqlite3_bind_text(statement, index, self, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
    }
}

extension Int: BareArgument {
    func bind(to statement: OpaquePointer, at index: Int32) { sqlite3_bind_int64(statement, index, Int64(self)) }
}
