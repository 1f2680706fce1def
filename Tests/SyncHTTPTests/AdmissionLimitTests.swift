import Synchronization
@testable import SyncHTTP
import Testing

@Suite struct AdmissionLimitTests {
    @Test func admitsAtMostTheLimitAndEveryoneInTurn() async throws {
        final class Counts: Sendable {
            let state = Mutex((now: 0, most: 0))
        }
        let limit = AdmissionLimit(3)
        let counts = Counts()
        let done = try await withThrowingTaskGroup(of: Int.self) { tasks in
            for number in 0..<40 {
                tasks.addTask {
                    try await limit.admit {
                        counts.state.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
                        await Task.yield()
                        counts.state.withLock { $0.now -= 1 }
                        return number
                    }
                }
            }
            return try await tasks.reduce(into: []) { $0.append($1) }
        }
        #expect(done.sorted() == Array(0..<40))
        #expect(counts.state.withLock { $0.most } <= 3)
        #expect(counts.state.withLock { $0.now } == 0)
    }
}
