import Dispatch
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Synchronization

/// A fixed number of connections to one database, taken and given back by the threads that run a
/// store's transactions. A connection found closed (the server restarted, the link dropped) is
/// replaced by a new one on its next taking, so a hub outlives its database's restart.
///
/// ```swift
/// let connection = try pool.take()
/// defer { pool.giveBack(connection) }
/// ```
final class PostgresConnectionPool: Sendable {
    let address: PostgresAddress
    let logger: Logger
    private let slots: DispatchSemaphore
    private let idle = Mutex<(connections: [PostgresConnection], closed: Bool)>(([], false))
    private let nextID = Atomic<Int>(1)

    init(address: PostgresAddress, size: Int, logger: Logger) {
        self.address = address
        self.logger = logger
        self.slots = DispatchSemaphore(value: size)
    }

    /// A connection of the pool, waiting for one when all are in use; connects when none is idle.
    func take() throws -> PostgresConnection {
        slots.wait()
        while let connection = idle.withLock({ $0.connections.popLast() }) {
            if !connection.isClosed { return connection }
        }
        do {
            return try connect()
        } catch {
            slots.signal()
            throw PostgresStoreError.unusable(address: address.description, reason: PostgresTransaction.describe(error))
        }
    }

    /// Gives a connection back; one that failed in a way that leaves it unusable, or comes back
    /// after the pool closed, is closed instead.
    func giveBack(_ connection: PostgresConnection, healthy: Bool = true) {
        let kept = healthy && !connection.isClosed && idle.withLock { idle in
            if !idle.closed { idle.connections.append(connection) }
            return !idle.closed
        }
        if !kept { Self.close(connection) }
        slots.signal()
    }

    /// Closes every idle connection and waits for them; those in use close as they come back.
    func close() async {
        for connection in drain() { try? await connection.close().get() }
    }

    /// Closes every idle connection without waiting (a store let go without ``close()``).
    func closeWithoutWaiting() {
        for connection in drain() { Self.close(connection) }
    }

    /// Marks the pool closed and hands over its idle connections.
    private func drain() -> [PostgresConnection] {
        idle.withLock { idle in
            idle.closed = true
            defer { idle.connections = [] }
            return idle.connections
        }
    }

    /// Closes a connection, holding it until it is closed (PostgresNIO asks that none is let go open).
    private static func close(_ connection: PostgresConnection) {
        connection.close().whenComplete { _ in _ = connection }
    }

    /// A new connection, made on NIO's shared event loops; waits for it on the calling thread.
    /// The connecting task runs on ``ConnectingExecutor``: a caller of `readingNow` may be holding
    /// one of Swift's few cooperative threads, and must not wait for a task that needs one.
    private func connect() throws -> PostgresConnection {
        let loop = MultiThreadedEventLoopGroup.singleton.any()
        let id = nextID.add(1, ordering: .relaxed).oldValue
        let promise = loop.makePromise(of: PostgresConnection.self)
        Task(executorPreference: ConnectingExecutor.shared) { [address, logger] in
            do {
                promise.succeed(try await PostgresConnection.connect(on: loop, configuration: address.configuration, id: id, logger: logger))
            } catch {
                promise.fail(error)
            }
        }
        return try promise.futureResult.wait()
    }
}

/// The executor connections are made on: a queue of its own, apart from Swift's cooperative
/// threads, which callers blocked on a store's synchronous reads may all be holding.
final class ConnectingExecutor: TaskExecutor {
    static let shared = ConnectingExecutor()
    private let queue = DispatchQueue(label: "village.postgres.connecting", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
