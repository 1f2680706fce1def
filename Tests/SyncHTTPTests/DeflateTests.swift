import Foundation
import Sync
@testable import SyncHTTP
import Synchronization
import Testing

@Suite struct DeflateTests {
    @Test func roundTripsAndShrinksRepetitiveJSON() throws {
        let json = Data(String(repeating: #"{"o":"5F0C","c":"prices.observation","f":{"avg_fen":312}},"#, count: 200).utf8)
        let packed = try Deflate.compress(json)
        #expect(packed.count * 5 < json.count)
        #expect(try Deflate.decompress(packed, limit: json.count) == json)
        #expect(try Deflate.decompress(try Deflate.compress(Data()), limit: 10) == Data())
    }

    @Test func refusesCorruptInputAndBombs() throws {
        #expect(throws: Deflate.Failure.corrupt) { try Deflate.decompress(Data("not deflate".utf8), limit: 1_000) }
        let bomb = try Deflate.compress(Data(count: 10_000_000))
        #expect(bomb.count < 20_000)
        #expect(throws: Deflate.Failure.tooLarge(limit: 1_000_000)) { try Deflate.decompress(bomb, limit: 1_000_000) }
        let packed = try Deflate.compress(Data("abc".utf8))
        #expect(throws: Deflate.Failure.corrupt) { try Deflate.decompress(packed.dropLast(2), limit: 1_000) }
    }
}

@Suite struct StationLinkBatchTests {
    @Test func batchSizeGrowsOnAGoodLinkAndShrinksOnABadOne() {
        var size = StationLink.BatchSize()
        for _ in 0..<10 { size.adapt(succeeded: true) }
        #expect(size.current == 1_000)
        size.adapt(succeeded: false)
        #expect(size.current == 500)
        for _ in 0..<10 { size.adapt(succeeded: false) }
        #expect(size.current == 10)
    }
}

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
