import Foundation
import Sync
@testable import SyncHTTP
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
