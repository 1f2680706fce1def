import Foundation
import GRDB
import Synchronization

/// Copies a store's write-ahead log into its database file on a connection and a thread of its
/// own, so that a writer committing one group after another does not stop for it.
///
/// SQLite's own checkpoint runs in the committing connection, after the commit, before its next
/// transaction: at a county taking hundreds of pushes, a quarter of the writer's time. A passive
/// checkpoint here never waits for the writer nor holds it up; the writer's automatic
/// checkpoint stays, at a larger size, for a log this one falls behind on.
///
/// ```swift
/// let checkpointer = try Checkpointer(path: pool.path)
/// try pool.write { db in … }
/// checkpointer.request()
/// ```
final class Checkpointer: Sendable {
    /// The log size, in pages, at which the writer checkpoints by itself after all.
    static let writerFallbackPages = 16_384

    private let connection: DatabaseQueue
    private let thread = DispatchQueue(label: "Store.checkpoint")
    private let requested = Mutex(false)

    init(path: String) throws {
        var configuration = Configuration()
        configuration.label = "checkpoint"
        // The database file is synced after the copy, as every write of the store is.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        connection = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Asks for a checkpoint. Requests made while one runs are served by one more after it.
    func request() {
        let starts = requested.withLock { requested in
            defer { requested = true }
            return !requested
        }
        guard starts else { return }
        thread.async { [self] in
            requested.withLock { $0 = false }
            // A failed passive checkpoint loses nothing: the pages stay in the log for the next.
            _ = try? connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }
        }
    }

    /// Returns once every checkpoint asked for so far has run.
    func waitUntilIdle() {
        thread.sync {}
    }
}
