import Foundation
public import GRDB
import Synchronization

/// Writes from many concurrent callers committed together (group commit): while one transaction
/// runs, the writes that arrive wait, and the next transaction takes them all. Every caller
/// returns once its write is durable.
///
/// A county answering hundreds of stations at once is limited by what each commit writes to the
/// WAL: a thousand price rows touch pages all over a table's indexes, and two pushes committed
/// apart write most of those pages twice. Committed together, they write them once.
///
/// A write that throws gets its error; the group's transaction is rolled back and committed again
/// without it, so that the others are not lost. (Savepoints would spare the second run, but SQLite
/// copies every page a savepoint touches into a journal of its own: most of a push again.)
///
/// ```swift
/// let reply = try await store.groupCommit.write { db in try replica.apply(push, db) }
/// ```
public final class GroupCommit: Sendable {
    let pool: DatabasePool
    /// The most writes one transaction takes, so that its dirty pages stay within the page cache.
    let limit: Int
    private let state = Mutex(State())
    private let drainer = DispatchQueue(label: "GroupCommit.drain")
    /// Made on the first drain: only a store that commits in groups checkpoints in the background.
    let checkpointer = Mutex<Checkpointer?>(nil)

    struct State {
        var waiting: [Job] = []
        var draining = false
    }

    /// A caller's write. Run in the group's transaction, it answers how to tell the caller once the
    /// transaction has committed; `fail` tells it the error instead.
    struct Job: Sendable {
        let run: @Sendable (Database) throws -> @Sendable () -> Void
        let fail: @Sendable (any Error) -> Void
    }

    /// Which write of the group threw.
    struct Failure: Error {
        let index: Int
        let error: any Error
    }

    public init(pool: DatabasePool, limit: Int = 64) {
        self.pool = pool
        self.limit = limit
    }

    /// Runs `work` in the next group transaction and returns its answer once that has committed.
    /// `work` may run more than once (when another write of its group fails), each time in a
    /// fresh transaction, so it must not act outside the database.
    public func write<Answer: Sendable>(_ work: @escaping @Sendable (Database) throws -> Answer) async throws -> Answer {
        try await withCheckedThrowingContinuation { continuation in
            let job = Job(
                run: { db in
                    let answer = try work(db)
                    return { continuation.resume(returning: answer) }
                },
                fail: { continuation.resume(throwing: $0) })
            let drains = state.withLock { state in
                state.waiting.append(job)
                defer { state.draining = true }
                return !state.draining
            }
            if drains { drainer.async { self.drain() } }
        }
    }

    /// Commits groups until no write waits, on a thread of its own: between two groups it goes
    /// straight to the next, where a task would first wait for a thread of the concurrency pool,
    /// busy decoding the next pushes, while the writer stood idle.
    func drain() {
        let checkpointer = backgroundCheckpointer()
        while true {
            var group: [Job] = state.withLock { state in
                let group = Array(state.waiting.prefix(limit))
                state.waiting.removeFirst(group.count)
                if group.isEmpty { state.draining = false }
                return group
            }
            if group.isEmpty { return }
            while !group.isEmpty {
                let jobs = group
                do {
                    let done = try pool.write { db in
                        try jobs.enumerated().map { index, job in
                            do { return try job.run(db) } catch { throw Failure(index: index, error: error) }
                        }
                    }
                    checkpointer?.request()
                    for tell in done { tell() }
                    group = []
                } catch let failure as Failure {
                    group.remove(at: failure.index).fail(failure.error)
                } catch {
                    for job in group { job.fail(error) }
                    group = []
                }
            }
        }
    }

    /// The store's background checkpointer, made (and the writer's own checkpoint moved to a larger
    /// log) the first time; `nil` if it cannot be: the writer then checkpoints as before.
    private func backgroundCheckpointer() -> Checkpointer? {
        checkpointer.withLock { checkpointer in
            if let checkpointer { return checkpointer }
            guard let made = try? Checkpointer(path: pool.path),
                (try? pool.writeWithoutTransaction({ db in
                    try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Checkpointer.writerFallbackPages)")
                })) != nil
            else { return nil }
            checkpointer = made
            return made
        }
    }
}
