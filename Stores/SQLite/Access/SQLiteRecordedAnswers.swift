import Foundation
import GRDB
public import Storage
public import WebAPI

/// The answers of creating requests kept in the program's store by idempotency key, for a day: long
/// enough for any retry, short enough that the table stays small. Never synced.
///
/// ```swift
/// router.add(middleware: IdempotencyMiddleware(answers: SQLiteRecordedAnswers(store)))
/// ```
public struct SQLiteRecordedAnswers: RecordedAnswers {
    let store: Store
    /// How long an answer is kept.
    static let keptFor: TimeInterval = 24 * 3600

    public init(_ store: Store) { self.store = store }

    public func answer(under key: String) async throws -> RecordedAnswer? {
        try await store.pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT status, content_type, body FROM access_request_answer WHERE key = ? AND recorded_at >= ?",
                arguments: [key, Date().timeIntervalSince1970 - Self.keptFor]
            ).map { RecordedAnswer(status: $0["status"], contentType: $0["content_type"], body: [UInt8]($0["body"] as Data)) }
        }
    }

    public func record(_ answer: RecordedAnswer, under key: String) async throws {
        let now = Date().timeIntervalSince1970
        try await store.pool.write { db in
            try db.execute(sql: "DELETE FROM access_request_answer WHERE recorded_at < ?", arguments: [now - Self.keptFor])
            try db.execute(
                sql: "INSERT OR REPLACE INTO access_request_answer(key, status, content_type, body, recorded_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [key, answer.status, answer.contentType, Data(answer.body), now])
        }
    }
}
