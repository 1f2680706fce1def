import Foundation
public import Logging
public import ServiceLifecycle
import Sync

/// The station's sync loop as a service of `kiosk serve`: a round every `interval` while the link
/// works. After a failed round it tries again after `firstRetry`, then after waits that double up to
/// `longestWait`, each scaled by a random jitter so that a county's stations do not all retry at the
/// same instant after an outage. A round the link cut after it moved something starts the count
/// again: the link works, and a cut should cost seconds, not the doubled wait of a link that is down.
///
/// ```swift
/// let sync = BackgroundSync(link: link, logger: logger)
/// // added to the program's ServiceGroup beside the HTTP server
/// ```
public struct BackgroundSync: Service {
    let link: StationLink
    let logger: Logger
    let interval: Duration
    let firstRetry: Duration
    let longestWait: Duration

    public init(
        link: StationLink, logger: Logger, interval: Duration = .seconds(60), firstRetry: Duration = .seconds(2),
        longestWait: Duration = .seconds(3_600)
    ) {
        self.link = link
        self.logger = logger
        self.interval = interval
        self.firstRetry = firstRetry
        self.longestWait = longestWait
    }

    public func run() async throws {
        var failures = 0
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let before = try? await link.replica()?.progress()
            do {
                let report = try await link.syncOnce()
                if report.pushed + report.pulled > 0 {
                    logger.info("sync: pushed \(report.pushed), pulled \(report.pulled), quarantined \(report.quarantined)")
                }
                failures = 0
            } catch StationLinkError.notEnrolled {
                failures = 0
            } catch {
                let moved = try? await link.replica()?.progress()
                failures = moved != nil && moved != before ? 1 : failures + 1
                logger.warning("sync failed (\(failures) in a row): \(error)")
            }
            let pause = Self.wait(
                after: failures, interval: interval, firstRetry: firstRetry, longest: longestWait,
                jitter: Double.random(in: 0.5...1.5))
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
        }
    }

    /// The pause before the next round: `interval` after success; after failures in a row,
    /// `firstRetry` doubled for each failure after the first, up to `longest`.
    public static func wait(
        after failures: Int, interval: Duration, firstRetry: Duration = .seconds(2), longest: Duration, jitter: Double
    ) -> Duration {
        let doubled = failures == 0 ? interval : min(firstRetry * (1 << min(failures - 1, 20)), longest)
        return doubled * jitter
    }
}
