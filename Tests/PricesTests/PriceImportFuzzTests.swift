import DomainCore
import ChinaLocale
import Foundation
import GRDB
import Prices
import PricesSQLite
import TestSupport
import Testing
import WebAPI

/// The price importer given malformed, truncated and oversized sheets: each is imported (its bad
/// rows refused by line) or refused whole with a named reason, and a refused sheet writes nothing.
@Suite struct PriceImportFuzzTests {
    static let sheet = PriceImportTests.header + """
        2026-11-19,玉米,大埔县城农贸市场,2.40,2.60,2.80,元/公斤,一等,大埔,1200
        2026/11/20,01010301,M02,2.30,2.50,2.70,元/公斤,,,
        2026年11月20日,大白菜,梅州农产品批发市场,0.80,1.00,1.20,元/斤,,,"1,500"

        """

    static func mutated(_ bytes: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var bytes = bytes
        let alphabet = Array(",\"\n\r;\t0123456789.-元斤公/年月日".utf8) + [0x00, 0xFF, 0xFE, 0xEF, 0xBB, 0xBF, 0x81]
        for _ in 0...Int.random(in: 0..<4, using: &random) {
            let at = Int.random(in: 0...max(0, bytes.count - 1), using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0: bytes = Array(bytes.prefix(at))
            case 1 where !bytes.isEmpty: bytes[at] = alphabet.randomElement(using: &random)!
            case 2: bytes.insert(alphabet.randomElement(using: &random)!, at: min(at, bytes.count))
            default: bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "9"), count: Int.random(in: 1..<5_000, using: &random)), at: at)
            }
        }
        return bytes
    }

    @Test(arguments: HubStore.allCases) func everyMutatedSheetIsImportedOrRefusedByNameAndARefusalWritesNothing(hub: HubStore) async throws {
        try await PriceWorld.with(hub) { world in
            var random = SeededRandom(seed: 20_261_122)
            var (imported, refused) = (0, 0)
            for _ in 0..<300 {
                let before = try await world.county.loggedCount()
                do {
                    let report = try await world.publisher.importSheet(Data(Self.mutated(Array(Self.sheet.utf8), &random)), source: "县农业农村局")
                    #expect(report.refused.allSatisfy { $0.line > 0 && !$0.reason.isEmpty })
                    imported += 1
                } catch let error as DomainError {
                    #expect(!error.message.isEmpty && !error.messageEN.isEmpty)
                    #expect(try await world.county.loggedCount() == before)
                    refused += 1
                } catch let error as SpreadsheetCSV.Failure {
                    #expect(!error.description.isEmpty)
                    #expect(try await world.county.loggedCount() == before)
                    refused += 1
                }
            }
            #expect(imported + refused == 300)
            #expect(imported > 0 && refused > 0)
            let oversized = Data(repeating: UInt8(ascii: "9"), count: 3_000_000)
            await #expect(throws: (any Error).self) { try await world.publisher.importSheet(oversized, source: "县农业农村局") }
        }
    }
}
