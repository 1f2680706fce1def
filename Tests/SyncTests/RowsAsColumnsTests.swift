import Crypto
import Foundation
@testable import Sync
import Testing

/// A document's rows sent as columns to a station that asked so: rebuilt byte for byte, so the
/// county's signature over the change still holds; several times smaller deflated; sent as text
/// when they would not rebuild the same; and columns that do not add up refused, naming why.
@Suite struct RowsAsColumnsTests {
    /// A day's bulletin of 100 varieties at 20 markets, as ``CompactJSON`` writes its rows.
    static func bulletinRows(day: Int) -> String {
        var rows: [[SyncValue]] = []
        for variety in 0..<100 {
            for market in 1...20 {
                let avg = Int64(300 + (variety * 37 + market * 11 + day * 3) % 900)
                rows.append([
                    .text(String(format: "0101%04d", variety)), .text(String(format: "M%02d", market)), .integer(avg - 20), .integer(avg),
                    .integer(avg + 20), "元/公斤", .text(market == 3 ? "一级 \"精选\"" : ""), "", market == 5 ? .integer(1_200) : .null, .null, "",
                ])
            }
        }
        return CompactJSON.encode(rows: rows)
    }

    static let countyKey = Curve25519.Signing.PrivateKey()

    static func bulletin(day: Int) throws -> Change {
        let change = Change(
            origin: "county", sequence: Int64(day), timestamp: HybridTimestamp(rawValue: 1_000 + Int64(day)), collection: "prices.bulletin",
            recordID: "PB-\(day)", scope: "",
            fields: ["rows": .text(bulletinRows(day: day)), "row_count": 2_000, "title": "农产品价格行情"])
        return try ChangeSignature(signingKey: countyKey).sign(change)
    }

    @Test func aBulletinsRowsRebuildByteForByteAndTheSignatureHolds() throws {
        let changes = try (1...3).map { try Self.bulletin(day: $0) }
        var plain = PullReply(changes: changes, position: 3, more: false, countyTime: 1, countyOrigin: "county")
        var columnar = plain
        columnar.rowsAsColumns = true
        let (plainJSON, columnarJSON) = (try plain.wireJSON(), try columnar.wireJSON())
        #expect(String(decoding: columnarJSON, as: UTF8.self).contains(#""cols":"#))
        let read = try PullReply(wireJSON: columnarJSON)
        #expect(read.changes == changes)
        let verifier = ChangeSignature(verifyingKey: Self.countyKey.publicKey)
        for change in read.changes { #expect(verifier.verifies(change)) }
        let (plainBytes, columnarBytes) = (try Deflate.compress(plainJSON).count, try Deflate.compress(columnarJSON).count)
        #expect(columnarBytes * 4 < plainBytes, "deflated: columns \(columnarBytes) B, text \(plainBytes) B")
        plain.rowsAsColumns = false
        #expect(try PullReply(wireJSON: plain.wireJSON()).changes == changes)
    }

    @Test func textThatWouldNotRebuildTheSameTravelsAsItIs() {
        let long = String(repeating: "x", count: 2_000)
        #expect(RowsAsColumns.json(rows: "[[\"\(long)\"]]") != nil)
        for text in [
            "[[\"\(long)\"],[1,2]]",  // rows of unequal length
            "[[\"\(long)\", 1.50]]",  // a number written otherwise than it would be again
            "[[\"\(long)\", [1]]]",  // a value that is no field's
            "[ [\"\(long)\"]]",  // white space the rows' text does not hold
            "[[\"\(long)\"]] ",
            String(repeating: "稻", count: 1_000),
        ] {
            #expect(RowsAsColumns.json(rows: text) == nil, "\(text.prefix(20))")
        }
    }

    @Test func columnsThatDoNotAddUpAreRefused() {
        for (columns, expected) in [
            (#"{"n":2,"cols":[[1,2],[3]]}"#, "columns of n values each"),
            (#"{"n":2,"cols":[["a","b"],{"d":[1,2]}]}"#, "differences from a column of whole numbers"),
            (#"{"n":2,"cols":[{"d":[1,2]}]}"#, "differences from a column of as many values"),
            (#"{"n":1,"cols":[[9223372036854775807],{"d":[1]}]}"#, "a difference within 64 bits"),
            (#"{"n":0,"cols":[]}"#, "columns of n values each"),
        ] {
            var reader = SyncJSONReader(Data(#"{"rows":\#(columns)}"#.utf8))
            #expect(throws: SyncJSONReader.Malformed.self) { _ = try reader.fields() }
            var again = SyncJSONReader(Data(#"{"rows":\#(columns)}"#.utf8))
            do {
                _ = try again.fields()
            } catch let error as SyncJSONReader.Malformed {
                #expect(error.expected == expected)
            } catch {
                Issue.record("\(error)")
            }
        }
    }
}

extension RowsAsColumnsTests {
    /// A push's fields may hold columns too (the reader is the same): columns nested in columns,
    /// which would recurse as deep as a hostile kiosk liked, are refused at the first level.
    @Test func columnsHoldNothingDeeper() {
        let nested = String(repeating: #"{"n":1,"cols":[["#, count: 10_000) + "1" + String(repeating: "]]}", count: 10_000)
        var reader = SyncJSONReader(Data(#"{"rows":\#(nested)}"#.utf8))
        #expect(throws: SyncJSONReader.Malformed.self) { _ = try reader.fields() }
    }
}

extension RowsAsColumnsTests {
    /// A snapshot's records (written through `Codable`) carry their rows as columns too, and read
    /// back as the same records; a cell that itself looks like rows stays a cell.
    @Test func aSnapshotsRecordsCarryTheirRowsAsColumns() throws {
        let cell = "[[" + String(repeating: "1,", count: 600) + "1]]"
        let odd = CompactJSON.encode(rows: (0..<40).map { _ in [.text(cell), 5] })
        let records = [
            MendedRecord(id: "PB-1", fields: ["rows": .text(Self.bulletinRows(day: 1)), "row_count": 2_000], clocks: [:]),
            MendedRecord(id: "PB-2", fields: ["rows": .text(odd)], clocks: ["*": MendedClock(FieldClock(timestamp: HybridTimestamp(rawValue: 9), origin: "county"))]),
        ]
        let part = SnapshotPart(bucket: DataBucket(collection: "prices.bulletin", scope: ""), records: records)
        var reply = SnapshotReply(position: 7, epoch: "e", countyOrigin: "county", countyTime: 1, parts: [part], next: nil)
        let plain = try reply.wireJSON()
        reply.rowsAsColumns = true
        let columnar = try reply.wireJSON()
        #expect(String(decoding: columnar, as: UTF8.self).contains(#""cols":"#))
        #expect(try SnapshotReply(wireJSON: columnar).parts == [part])
        #expect(try SnapshotReply(wireJSON: plain).parts == [part])
        #expect(try Deflate.compress(columnar).count * 3 < Deflate.compress(plain).count)
    }
}
