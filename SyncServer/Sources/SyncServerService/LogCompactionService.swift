import Foundation
public import Logging
public import ServiceLifecycle
public import Sync

/// The county's log compacted once a day while `syncserver serve` runs (``Replica/compactLog(keepingDays:now:)``):
/// superseded versions older than the days kept go, so the log stops growing with every edit of
/// the same record; a station away for longer takes a snapshot. The first run waits a while after
/// the start, so that a server started for a moment does no more than serve.
///
/// ```swift
/// let compaction = LogCompactionService(replica: county.replica, keepingDays: 30, logger: logger)
/// // added to the program's ServiceGroup beside the HTTP server
/// ```
public struct LogCompactionService: Service {
    let replica: Replica
    let keepingDays: Int
    let logger: Logger
    let firstAfter: Duration
    let interval: Duration

    public init(
        replica: Replica, keepingDays: Int, logger: Logger, firstAfter: Duration = .seconds(600), interval: Duration = .seconds(86_400)
    ) {
        self.replica = replica
        self.keepingDays = keepingDays
        self.logger = logger
        self.firstAfter = firstAfter
        self.interval = interval
    }

    public func run() async throws {
        var pause = firstAfter
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await cancelWhenGracefulShutdown { [pause] in try await Task.sleep(for: pause) }
            guard !Task.isCancelled && !Task.isShuttingDownGracefully else { return }
            pause = interval
            do {
                let done = try await replica.compactLog(keepingDays: keepingDays)
                if done.removed > 0 {
                    logger.info("log compacted up to position \(done.floor): \(done.removed) superseded changes removed, \(done.left) left")
                }
            } catch {
                logger.warning("log compaction failed, tried again tomorrow: \(error)")
            }
        }
    }
}
