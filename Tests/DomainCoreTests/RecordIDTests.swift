import Foundation
import Testing

@testable import DomainCore

@Suite struct RecordIDTests {
    @Test func isAVersion7UUIDThatGrowsWithTime() {
        var random = SystemRandomNumberGenerator()
        let first = RecordID.make(milliseconds: 1_763_700_000_000, using: &random)
        let later = RecordID.make(milliseconds: 1_763_700_000_001, using: &random)
        #expect(first.count == 36 && first == first.lowercased())
        #expect(UUID(uuidString: first) != nil)
        #expect(Array(first)[14] == "7")
        #expect("89ab".contains(Array(first)[19]))
        #expect(first.hasPrefix("019aa"))  // 1,763,700,000,000 ms is 0x019AA…
        #expect(first < later)
    }
}
