import Synchronization
import TestSupport
import WebAPI
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

@Suite struct StationAdmissionTests {
    /// A gate the test opens: work admitted waits on it, so the test decides when it ends.
    final class Gate: Sendable {
        let opened = Mutex<[CheckedContinuation<Void, Never>]?>([])
        func wait() async {
            await withCheckedContinuation { continuation in
                let open = opened.withLock { waiting in
                    guard waiting != nil else { return true }
                    waiting!.append(continuation)
                    return false
                }
                if open { continuation.resume() }
            }
        }
        func open() { opened.withLock { waiting in waiting?.forEach { $0.resume() }; waiting = nil } }
    }

    @Test func oneStationHoldsOneTurnAndOneWaitingAndOthersGoOnBesideIt() async throws {
        let admission = StationAdmission()
        let gate = Gate()
        let started = AsyncStream.makeStream(of: String.self)
        let first = Task { try await admission.admit("st-a") { started.continuation.yield("a1"); await gate.wait(); return 1 } }
        var events = started.stream.makeAsyncIterator()
        #expect(await events.next() == "a1")
        let second = Task { try await admission.admit("st-a") { started.continuation.yield("a2"); return 2 } }
        // Another station's work runs while st-a's first holds its turn.
        #expect(try await admission.admit("st-b") { 3 } == 3)
        // A third of st-a's, with one running and one waiting, is refused at once.
        await #expect(throws: APIError.self) {
            // The second must have taken its place in line first: wait until both holders are counted.
            while admission.holders(of: "st-a") < 2 { await Task.yield() }
            _ = try await admission.admit("st-a") { 4 }
        }
        gate.open()
        #expect(try await first.value == 1)
        #expect(try await second.value == 2)
        #expect(admission.stationsHolding == 0)
    }
}

@Suite struct RoundLockTests {
    final class Log: Sendable {
        let state = Mutex((waited: false, released: false, order: [String]()))
    }

    @Test func aSecondRoundWaitsForTheFirstAndIsToldItWaits() async throws {
        let folder = try TemporaryFolder()
        let lock = RoundLock(beside: folder.file("kiosk.sqlite"))
        let log = Log()
        let (firstHolds, holding) = AsyncStream.makeStream(of: Void.self)
        let first = Task {
            try await lock.holding {
                holding.yield()
                while !log.state.withLock({ $0.released }) { await Task.yield() }
                log.state.withLock { $0.order.append("first") }
            }
        }
        var holds = firstHolds.makeAsyncIterator()
        await holds.next()
        let second = Task {
            try await lock.holding(whileWaiting: { log.state.withLock { $0.waited = true } }) {
                log.state.withLock { $0.order.append("second") }
            }
        }
        while !log.state.withLock({ $0.waited }) { await Task.yield() }
        log.state.withLock { $0.released = true }
        try await first.value
        try await second.value
        #expect(log.state.withLock { $0.order } == ["first", "second"])
    }
}
