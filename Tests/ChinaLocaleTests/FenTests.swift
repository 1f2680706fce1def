import ChinaLocale
import TestSupport
import Testing

/// Money read from what people type, exactly: never through a floating-point number.
@Suite struct FenTests {
    @Test func yuanAsPeopleWriteThemAreReadExactly() {
        let cases: [(String, Int64)] = [
            ("3.25", 325), ("12", 1200), ("0.5", 50), ("-0.5", -50), (" 7.05 ", 705), ("¥1,234.5", 123_450),
            ("￥3", 300), ("3.", 300), ("999999999999.99", 99_999_999_999_999),
        ]
        for (text, fen) in cases { #expect(Fen.parse(text) == fen, "\(text)") }
    }

    @Test func anythingElseIsRefused() {
        for text in ["", "3.255", ".5", "abc", "1e3", "3..2", "１２", "0x10", "1000000000000", "--1", "3.2a", "+3"] {
            #expect(Fen.parse(text) == nil, "\(text)")
        }
    }

    @Test func formattedAmountsReadBackAsThemselves() {
        var random = SeededRandom(seed: 20_261_205)
        for _ in 0..<2_000 {
            let fen = Int64(bitPattern: random.next()) % 99_999_999_999_999
            #expect(Fen.parse(Fen.format(fen)) == fen, "\(fen)")
        }
        #expect(Fen.format(325) == "3.25")
        #expect(Fen.format(-50) == "-0.50")
        #expect(Fen.format(7) == "0.07")
        #expect(Fen.format(Int64.min) == "-92233720368547758.08")
    }
}

