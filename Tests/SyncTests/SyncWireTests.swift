import Foundation
@testable import Sync
import Testing

/// The hand-written JSON of pushes and pulls against `Codable`'s, which either side may still meet.
@Suite struct SyncWireTests {
    static let changes = [
        Change(
            origin: "station-1", sequence: 7, timestamp: HybridTimestamp(rawValue: 117_310_000_000_000_001),
            collection: "prices.observation", recordID: "019aa4b6-4500-7000-8000-000000000001", scope: "441422107201",
            fields: [
                "avg_fen": 312, "unit": "元/公斤", "note": nil, "ratio": .real(0.25), "quote": .text("他说：\"好\"\n\t/\\"),
                "emoji": .text("🌾 沙田柚"), "negative": -42,
            ],
            bases: ["avg_fen": HybridTimestamp(rawValue: 5)]),
        Change(
            origin: "county", sequence: 8, timestamp: HybridTimestamp(rawValue: 9), collection: "notices.notice", recordID: "n1",
            scope: "", fields: [:], signature: "c2lnbmF0dXJl"),
    ]

    @Test func pushesAndPullsReadBackAsCodableWritesAndViceVersa() throws {
        let push = PushRequest(changes: Self.changes)
        #expect(try PushRequest(wireJSON: push.wireJSON()) == push)
        #expect(try JSONDecoder().decode(PushRequest.self, from: push.wireJSON()) == push)
        #expect(try PushRequest(wireJSON: JSONEncoder().encode(push)) == push)

        let pull = PullReply(changes: Self.changes, position: 99, more: true, countyTime: 1_790_000_000_000, countyOrigin: "county",
                             urgent: [Self.changes[1]])
        #expect(try PullReply(wireJSON: pull.wireJSON()) == pull)
        #expect(try JSONDecoder().decode(PullReply.self, from: pull.wireJSON()) == pull)
        #expect(try PullReply(wireJSON: JSONEncoder().encode(pull)) == pull)
    }

    @Test func readsEveryEscapeAndNumberJSONAllows() throws {
        var reader = SyncJSONReader(Data(#" { "a" : "\u4e2d\ud83c\udf3e\b\f\r\/" , "b":-0, "c":1.5e3, "d":92233720368547758070, "e":null } "#.utf8))
        let fields = try reader.fields()
        try reader.end()
        #expect(fields["a"] == .text("中🌾\u{8}\u{c}\r/"))
        #expect(fields["b"] == .integer(0))
        #expect(fields["c"] == .real(1500))
        #expect(fields["d"] == .real(92_233_720_368_547_758_070))
        #expect(fields["e"] == .null)
    }

    @Test func namesWhatItDidNotExpectAndWhere() {
        func failure(_ text: String) -> SyncJSONReader.Malformed? {
            var reader = SyncJSONReader(Data(text.utf8))
            do {
                _ = try reader.fields()
                try reader.end()
                return nil
            } catch {
                return error as? SyncJSONReader.Malformed
            }
        }
        #expect(failure(#"{"a":1"#) == .init(offset: 6, expected: "more input"))
        #expect(failure(#"{"a":tru}"#) == .init(offset: 5, expected: "a value"))
        #expect(failure(#"{"a":"x\q"}"#)?.expected == "a known escape after '\\'")
        #expect(failure("{\"a\":\"\u{1}\"}")?.expected == "no control character inside a string")
        #expect(failure(#"{"a":"\ud83c"}"#)?.expected == "the second half of a surrogate pair")
        #expect(failure(#"{"a":1} x"#) == .init(offset: 8, expected: "the end of the document"))
        var invalid = SyncJSONReader([0x22, 0xFF, 0xFE, 0x22])
        #expect(throws: SyncJSONReader.Malformed.self) { _ = try invalid.string() }
        #expect(throws: SyncJSONReader.Malformed.self) { _ = try PushRequest(wireJSON: Data(#"{"changes":[{"o":"x"}]}"#.utf8)) }
        #expect(throws: SyncJSONReader.Malformed.self) { _ = try PushRequest(wireJSON: Data("{}".utf8)) }
    }
}
