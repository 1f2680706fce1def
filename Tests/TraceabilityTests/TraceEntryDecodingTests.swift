import DomainCore
import Foundation
import Testing
import Traceability
import TraceabilitySQLite
import WebAPI

@Suite struct TraceEntryDecodingTests {
    @Test func entriesDecodeFromTheAPIsSnakeCaseJSON() throws {
        let event = try JSONCoding.decoder.decode(EventEntry.self, from: Data("""
            {"lot_id": "L1", "kind": "pesticide", "occurred_at": "2026-11-01T07:00:00+08:00", "safety_interval_days": 14,
             "test_passed": true}
            """.utf8))
        #expect(event.lotID == "L1")
        #expect(event.safetyIntervalDays == 14)
        let certificate = try JSONCoding.decoder.decode(CertificateEntry.self, from: Data(#"{"lot_id": "L1", "test_kind": "self"}"#.utf8))
        #expect(certificate.testKind == .selfTest)
    }
}
