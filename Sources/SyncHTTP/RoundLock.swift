import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One sync round at a time per station, whoever starts it: the background loop of `kiosk serve`,
/// 立即同步 on its screen, or `kiosk sync` run beside it in another process.
///
/// Two rounds at once took request counters in one order and sent them in another, and the county
/// refused the later-numbered one that arrived first as a replay. The lock is an `flock` on a file
/// beside the store: it holds between processes as within one (each round opens the file anew), and
/// the kernel lets it go when its holder dies, even by SIGKILL.
///
/// ```swift
/// let report = try await RoundLock(beside: store.path).holding { try await round.run() }
/// ```
public struct RoundLock: Sendable {
    /// The lock file.
    public let path: String

    public init(beside storePath: String) {
        path = storePath + "-sync.lock"
    }

    /// Runs `body` holding the lock, waiting for a round in progress to end first (and telling
    /// `whileWaiting` so).
    public func holding<Answer: Sendable>(
        whileWaiting: @Sendable () -> Void = {}, _ body: () async throws -> Answer
    ) async throws -> Answer {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw RoundLockError(path: path, errno: errno) }
        defer { close(descriptor) }  // closing the file lets the lock go
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            // Another round holds it: wait on a thread of its own, never one of the concurrency pool.
            whileWaiting()
            let status = await withCheckedContinuation { continuation in
                Thread.detachNewThread { continuation.resume(returning: flock(descriptor, LOCK_EX) == 0 ? 0 : errno) }
            }
            guard status == 0 else { throw RoundLockError(path: path, errno: status) }
        }
        try Task.checkCancellation()
        return try await body()
    }
}

/// The round lock's file could not be opened or locked.
public struct RoundLockError: Error, CustomStringConvertible {
    let path: String
    let errno: Int32

    public var description: String { "cannot lock \(path): \(String(cString: strerror(errno)))" }
}
