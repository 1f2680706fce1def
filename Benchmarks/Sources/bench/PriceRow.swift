import Sync
import Foundation

/// A price observation as a station records it: the benchmark's realistic row.
struct PriceRow {
    static let village = "441422107201"
    static let varieties = ["010101001", "010101002", "010401003", "010401007", "010402011", "010501002", "020101004"]
    static let markets = ["M4414001", "M4414002", "M4414003", "M4414004", "M4414005", "M4414006"]

    let id: String
    let village: String
    let variety: String
    let market: String
    let observedOn: String
    let min: Int64
    let avg: Int64
    let max: Int64
    let unit: String

    static func random(index: Int, using random: inout SplitMix) -> PriceRow {
        let avg = Int64(200 + random.next() % 1_200)
        let day = index / 40
        let id = String(format: "%08x-%04x-4%03x-a%03x-%012x", random.next() & 0xffff_ffff, random.next() & 0xffff,
                        random.next() & 0xfff, random.next() & 0xfff, random.next() & 0xffff_ffff_ffff)
        return PriceRow(
            id: id, village: village, variety: varieties[index % varieties.count], market: markets[index % markets.count],
            observedOn: String(format: "2026-%02d-%02d", 1 + (day / 28) % 12, 1 + day % 28),
            min: avg - Int64(random.next() % 40), avg: avg, max: avg + Int64(random.next() % 40), unit: "元/公斤")
    }

    var fields: [String: SyncValue] {
        [
            "village": .text(village), "variety": .text(variety), "market": .text(market), "observed_on": .text(observedOn),
            "min_fen": .integer(min), "avg_fen": .integer(avg), "max_fen": .integer(max), "unit": .text(unit),
        ]
    }

    static func csv(_ rows: [PriceRow]) -> String {
        "id,village,variety,market,observed_on,min_fen,avg_fen,max_fen,unit\n"
            + rows.map { "\($0.id),\($0.village),\($0.variety),\($0.market),\($0.observedOn),\($0.min),\($0.avg),\($0.max),\($0.unit)" }
            .joined(separator: "\n")
    }
}

/// SplitMix64, so every run measures the same rows.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
