import Synchronization

/// At most `limit` pieces of work at once; the others wait their turn, first come first served.
///
/// The county holds a push in memory from its body to its commit: a thousand decoded changes, a
/// few megabytes. Three hundred stations pushing at once held a gigabyte; admitted a few dozen at
/// a time they keep the writer just as busy, and the rest wait unread in their connections.
///
/// ```swift
/// let pushes = AdmissionLimit(32)
/// let reply = try await pushes.admit { try await handle(push) }
/// ```
public final class AdmissionLimit: Sendable {
    let limit: Int
    private let state = Mutex(State())

    struct State {
        var running = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    public init(_ limit: Int) { self.limit = max(1, limit) }

    public func admit<Answer>(_ work: () async throws -> Answer) async throws -> Answer {
        await withCheckedContinuation { continuation in
            let admitted = state.withLock { state in
                guard state.running < limit else {
                    state.waiting.append(continuation)
                    return false
                }
                state.running += 1
                return true
            }
            if admitted { continuation.resume() }
        }
        defer {
            // The slot passes straight to the next in line, so the count stays right.
            let next = state.withLock { state in
                if state.waiting.isEmpty {
                    state.running -= 1
                    return nil as CheckedContinuation<Void, Never>?
                }
                return state.waiting.removeFirst()
            }
            next?.resume()
        }
        return try await work()
    }
}
