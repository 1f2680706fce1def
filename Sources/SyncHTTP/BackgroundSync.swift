import Foundation
import Logging
import ServiceLifecycle

/// The station's sync loop as a service of `kiosk serve`: a round every `interval` while the link
/// works; after a failure, waits that double up to `longestWait`, each scaled by a random jitter
/// so that a county's stations do not all retry at the same instant after an outage.
///
/// ```swift
/// let sync = BackgroundSync(link: link, logger: logger)
/// // added to the program's ServiceGroup beside the HTTP server
/// ```
public struct BackgroundSync: Service {
    let link: StationLink
    let logger: Logger
    let interval: Duration
    let longestWait: Duration

    public init(link: StationLink, logger: Logger, interval: Duration = .seconds(60), longestWait: Duration = .seconds(3_600)) {
        self.link = link
        self.logger = logger
        self.interval = interval
        self.longestWait = longestWait
    }

    public func run() async throws {
        var failures = 0
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let report = try await link.syncOnce()
                if report.pushed + report.pulled > 0 {
                    logger.info("sync: pushed \(report.pushed), pulled \(report.pulled), quarantined \(report.quarantined)")
                }
                failures = 0
            } catch StationLinkError.notEnrolled {
                failures = 0
            } catch {
                failures += 1
                logger.warning("sync failed (\(failures) in a row): \(error)")
            }
            let pause = Self.wait(after: failures, interval: interval, longest: longestWait, jitter: Double.random(in: 0.5...1.5))
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
        }
    }

    /// The pause before the next round: `interval` after success, doubling per failure up to `longest`.
    static func wait(after failures: Int, interval: Duration, longest: Duration, jitter: Double) -> Duration {
        let doubled = failures == 0 ? interval : min(interval * (1 << min(failures, 20)), longest)
        return doubled * jitter
    }
}
