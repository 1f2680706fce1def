import Foundation
public import Logging
import Synchronization

/// Sends every log line to standard output, once per process, with the metadata (such as the
/// request id) on the line.
///
/// ```swift
/// LogSetup.bootstrap()
/// var logger = Logger(label: "kiosk")
/// ```
public enum LogSetup {
    private static let done = Mutex(false)

    /// Installs the handler; later calls do nothing (the demo runs two programs in one process).
    public static func bootstrap() {
        done.withLock { done in
            guard !done else { return }
            LoggingSystem.bootstrap { label in StreamLogHandler.standardOutput(label: label) }
            done = true
        }
    }

    /// A logger for a program at the level its settings ask.
    public static func logger(for settings: ServiceSettings) -> Logger {
        bootstrap()
        var logger = Logger(label: settings.program)
        logger.logLevel = settings.logLevel
        return logger
    }
}
