import Foundation
@testable import Sync
import TestSupport
import Testing

/// The sync decoder given malformed, truncated and oversized pushes and pulls: every input is
/// either read or refused with ``SyncJSONReader/Malformed``; nothing crashes or hangs.
@Suite struct SyncWireFuzzTests {
    static func mutated(_ bytes: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var bytes = bytes
        let alphabet = Array(#"{}[]",:\"0123456789-+.eE tfnul\u"#.utf8) + [0x00, 0x1F, 0xC3, 0xFF, 0xE4, 0xB8]
        for _ in 0...Int.random(in: 0..<4, using: &random) {
            let at = Int.random(in: 0...max(0, bytes.count - 1), using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0: bytes = Array(bytes.prefix(at))  // truncated
            case 1 where !bytes.isEmpty: bytes[at] = alphabet.randomElement(using: &random)!
            case 2: bytes.insert(alphabet.randomElement(using: &random)!, at: min(at, bytes.count))
            case 3 where !bytes.isEmpty: bytes.remove(at: at)
            default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 40)], at: at)  // a run repeated
            }
        }
        return bytes
    }

    @Test func everyMutationIsReadOrRefusedByName() throws {
        var random = SeededRandom(seed: 20_261_122)
        let push = Array(PushRequest(changes: SyncWireTests.changes).wireJSON())
        let pull = Array(PullReply(changes: SyncWireTests.changes, position: 3, more: false, countyTime: 1, countyOrigin: "c").wireJSON())
        var (read, refused) = (0, 0)
        for round in 0..<6_000 {
            let input = Self.mutated(round % 2 == 0 ? push : pull, &random)
            do {
                if round % 2 == 0 { _ = try PushRequest(wireJSON: Data(input)) } else { _ = try PullReply(wireJSON: Data(input)) }
                read += 1
            } catch is SyncJSONReader.Malformed {
                refused += 1
            }
        }
        #expect(read + refused == 6_000)
        #expect(refused > 3_000)  // most mutations break the document, and each is named
    }

    @Test func deepOrHugeInputIsRefusedOrReadWithoutCrashing() throws {
        let deep = Data((String(repeating: "[", count: 100_000)).utf8)
        #expect(throws: SyncJSONReader.Malformed.self) { _ = try PushRequest(wireJSON: deep) }
        let nested = Data((#"{"changes":[{"o":"a","n":1,"t":1,"c":"x","r":"y","s":"","f":{"k":"# + String(repeating: "[", count: 50_000)).utf8)
        #expect(throws: SyncJSONReader.Malformed.self) { _ = try PushRequest(wireJSON: nested) }
        let unknown = Data((#"{"changes":[],"later":"# + String(repeating: "[", count: 100_000)).utf8)
        #expect(throws: SyncJSONReader.Malformed(offset: 86, expected: "values nested at most 64 deep")) {
            _ = try PushRequest(wireJSON: unknown)
        }
        let long = String(repeating: "长", count: 1_000_000)
        let big = PushRequest(changes: [Change(
            origin: "s", sequence: 1, timestamp: HybridTimestamp(rawValue: 1), collection: "c", recordID: "r", scope: "",
            fields: ["text": .text(long)])])
        #expect(try PushRequest(wireJSON: big.wireJSON()).changes[0].fields["text"] == .text(long))
    }
}
