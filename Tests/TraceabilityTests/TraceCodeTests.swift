import DomainCore
import Testing
import Traceability
import TraceabilitySQLite
import WebAPI

@Suite struct TraceCodeTests {
    @Test(arguments: [
        ("09521234543213", "09521234543213"),  // GTIN-14, REFERENCE §3
        ("6901234567892", "06901234567892"),  // EAN-13 of a Chinese (690) prefix
        ("4006381333931", "04006381333931"),  // EAN-13
        ("036000291452", "00036000291452"),  // UPC-A
        ("96385074", "00000096385074"),  // EAN-8
    ])
    func bareGTINsAreReadAndPaddedToFourteenDigits(code: String, gtin: String) throws {
        let read = try TraceCode(code)
        #expect(read.reading.kind == .gtin)
        #expect(read.reading.value(of: "gtin") == gtin)
        #expect(read.reading.mistyped == nil)
        #expect(read.lookupKey == "01 \(gtin)")
    }

    @Test func aMistypedCheckDigitIsReportedWithTheDigitExpected() throws {
        let gtin = try TraceCode("09521234543214").reading
        #expect(gtin.kind == .opaque)
        #expect(summary(gtin.mistyped) == "gtin 3 4")
        let sscc = try TraceCode("106141411234567890").reading
        #expect(summary(sscc.mistyped) == "sscc 7 0")
        let inElementString = try TraceCode("(01)09521234543210(10)A1").reading
        #expect(inElementString.mistyped?.expected == "3")
        #expect(inElementString.mistyped?.place == "商品条码（01）的第 14 位")  // the last character is the lot's
        let credit = try TraceCode("91350100M000100Y44").reading
        #expect(summary(credit.mistyped) == "credit_code 3 4")
        #expect(gtin.mistyped?.place == "最后一位" && credit.mistyped?.place == "最后一位")
    }

    @Test func anSSCCIsReadWithItsCheckDigit() throws {
        let reading = try TraceCode("106141411234567897").reading
        #expect(reading.kind == .sscc)
        #expect(reading.value(of: "sscc") == "106141411234567897")
        #expect(try TraceCode("(00)106141411234567897").lookupKey == "00 106141411234567897")
    }

    @Test func aDigitalLinkIsReadOfflineWithQualifiersAndDates() throws {
        let code = try TraceCode("https://id.example.cn/products/01/9521234543213/10/ab%2F1/21/s9?17=271231&7007=260601&lang=zh")
        #expect(code.reading.kind == .gs1DigitalLink)
        #expect(code.text.hasPrefix("HTTPS://ID.EXAMPLE.CN/"))  // upper-cased: stored as an opaque string
        #expect(code.reading.value(of: "gtin") == "09521234543213")
        #expect(code.reading.value(of: "lot") == "AB/1")
        #expect(code.reading.value(of: "serial") == "S9")
        #expect(code.reading.value(of: "expiry") == "271231")
        #expect(code.reading.value(of: "harvest_date") == "260601")
        #expect(code.lookupKey == "01 09521234543213 10 AB/1 21 S9")
        // qualifiers out of order (21 before 10) are not a Digital Link
        #expect(try TraceCode("https://id.example.cn/01/09521234543213/21/S9/10/A1").reading.kind == .opaque)
        #expect(try TraceCode("https://id.example.cn/01/09521234543214/10/A1").reading.mistyped?.expected == "3")
    }

    @Test func elementStringsAreReadBracketedOrRunTogetherWithGroupSeparators() throws {
        let bracketed = try TraceCode("(01)09521234543213(10)A1(17)271231(422)156(3102)001250(7007)260601")
        #expect(bracketed.reading.kind == .gs1ElementString)
        #expect(bracketed.reading.value(of: "origin_country") == "156")
        #expect(bracketed.reading.value(of: "net_kg_2") == "001250")
        #expect(bracketed.reading.value(of: "harvest_date") == "260601")

        let scanned = try TraceCode("]C1010952123454321310A1\u{1D}17271231")
        #expect(scanned.reading.kind == .gs1ElementString)
        #expect(scanned.reading.value(of: "lot") == "A1")
        #expect(scanned.reading.value(of: "expiry") == "271231")
        #expect(try TraceCode("010952123454321310A1").reading.value(of: "lot") == "A1")

        // The same lot however it is written has one key
        let link = try TraceCode("https://example.cn/01/09521234543213/10/a1")
        #expect(link.lookupKey == scanned.lookupKey)
        #expect(link.lookupKey == bracketed.lookupKey)
    }

    @Test func creditCodeBasedCodesNameTheKindOfOrganisation() throws {
        let company = try TraceCode("91350100M000100Y43").reading
        #expect(company.kind == .creditCode)
        #expect(company.value(of: "organisation") == "企业")
        let collective = try TraceCode("N2330110MF0000000M").reading
        #expect(collective.value(of: "organisation") == "村级集体经济组织")
        let cooperative = try TraceCode("93330110MA2GXXXX00-2606A").reading
        #expect(cooperative.value(of: "organisation") == "农民专业合作社")
        #expect(cooperative.value(of: "serial") == "-2606A")
    }

    @Test func nationalFormatsOfFarmInputsAreRecognised() throws {
        let drug = try TraceCode("202605011234598765432101").reading
        #expect(drug.kind == .veterinaryDrug)
        #expect(drug.value(of: "date") == "20260501")
        #expect(drug.value(of: "enterprise") == "12345")
        #expect(try TraceCode(String(repeating: "3", count: 32)).reading.kind == .pesticideLabel)
        let seed = try TraceCode("33011000A12345678901").reading
        #expect(seed.kind == .seedLabel)
        #expect(seed.value(of: "region") == "330110")
    }

    @Test func anythingElseIsAnOpaqueCodeTrimmedAndUpperCased() throws {
        let code = try TraceCode("  zs-2026-0601-a \n")
        #expect(code.text == "ZS-2026-0601-A")
        #expect(code.reading.kind == .opaque)
        #expect(code.reading.mistyped == nil)
        #expect(code.lookupKey == "ZS-2026-0601-A")
        #expect(try TraceCode("苹果-001").text == "苹果-001")
    }

    @Test func anEmptyOrOverlongCodeIsRefusedNamingTheField() {
        #expect(throws: DomainError.invalidField("code", message: "追溯码不能为空", messageEN: "code must not be empty")) {
            try TraceCode("   ")
        }
        #expect { try TraceCode(String(repeating: "A", count: 129)) } throws: { ($0 as? DomainError)?.field == "code" }
        #expect(throws: Never.self) { try TraceCode(String(repeating: "A", count: 128)) }
    }

    func summary(_ mistyped: CodeReading.Mistyped?) -> String? {
        mistyped.map { "\($0.shape.rawValue) \($0.expected) \($0.found)" }
    }
}
