import Foundation
public import StoreInterface
public import WebAPI

/// The answers of creating requests kept in the program's store by idempotency key, for a day: long
/// enough for any retry, short enough that the table stays small. Never synced.
///
/// ```swift
/// router.add(middleware: IdempotencyMiddleware(answers: StoredAnswers(store: store)))
/// ```
public struct StoredAnswers: RecordedAnswers {
    let store: any TransactionStore
    /// How long an answer is kept.
    static let keptFor: TimeInterval = 24 * 3600
    /// How long a claim holds its key: past it, the process that claimed it is taken to have ended
    /// without an answer, and a repeat may run.
    static let claimedFor: TimeInterval = 300

    public init(store: any TransactionStore) { self.store = store }

    public func answer(under key: String) async throws -> RecordedAnswer? {
        let since = Date().addingTimeInterval(-Self.keptFor)
        return try await store.reading { try $0.access.answer(under: key, since: since) }
    }

    public func claim(_ key: String) async throws -> Bool {
        let now = Date()
        return try await store.writing { transaction in
            try transaction.access.claimAnswer(under: key, at: now, staleBefore: now.addingTimeInterval(-Self.claimedFor))
        }
    }

    public func release(_ key: String) async throws {
        try await store.writing { transaction in try transaction.access.releaseAnswerClaim(under: key) }
    }

    public func record(_ answer: RecordedAnswer, under key: String) async throws {
        let now = Date()
        try await store.writing { transaction in
            try transaction.access.record(answer, under: key, at: now, forgettingBefore: now.addingTimeInterval(-Self.keptFor))
        }
    }
}
