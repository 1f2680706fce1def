import ChinaLocale
import Foundation
import Testing

/// A sheet as a Chinese Excel saves it: GBK or UTF-8 with a byte-order mark, quoted fields, CRLF,
/// and rows that keep the line a person sees them on.
@Suite struct SpreadsheetCSVTests {
    @Test func gbkAndUTF8WithAMarkReadTheSame() throws {
        let text = "日期,品种,单位\r\n2026-11-20,玉米,元/公斤\r\n"
        let gbk = try ChineseTextDecoder.gb18030(text)
        #expect(gbk != Data(text.utf8))
        let fromGBK = try ChineseTextDecoder.decode(gbk)
        #expect(fromGBK.text == text && fromGBK.encoding == .gb18030)
        let marked = try ChineseTextDecoder.decode(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8))
        #expect(marked.text == text && marked.encoding == .utf8)
        let sheet = try SpreadsheetCSV(data: gbk)
        #expect(sheet.encoding == .gb18030 && sheet.header == ["日期", "品种", "单位"])
        #expect(sheet.rows.map(\.line) == [2] && sheet.rows.map(\.values) == [["2026-11-20", "玉米", "元/公斤"]])
    }

    @Test func bytesThatAreNeitherAreRefusedWithTheirOffset() {
        #expect(throws: ChineseTextDecoder.Failure.self) { try ChineseTextDecoder.decode(Data([0x41, 0xFF, 0xFF, 0xFF])) }
        #expect(throws: SpreadsheetCSV.Failure.self) { try SpreadsheetCSV(data: Data([0x41, 0xFF, 0xFF, 0xFF])) }
    }

    @Test func aNULCharacterIsRefusedWithItsLine() {
        #expect(throws: SpreadsheetCSV.Failure(description: "line 3 holds a NUL character (U+0000): save the sheet as CSV text")) {
            try SpreadsheetCSV(data: Data("日期,品种\n2026-11-20,玉米\n2026-11-21,玉\u{0}米\n".utf8))
        }
    }

    @Test func quotedFieldsKeepCommasQuotesAndLines() throws {
        let sheet = try SpreadsheetCSV(data: Data("品种,备注\n\"玉米, 黄\",\"他说\"\"好\"\"\"\n\"两\n行\",x\n\n末,行\n\n\n".utf8))
        #expect(sheet.rows.map(\.values) == [["玉米, 黄", "他说\"好\""], ["两\n行", "x"], ["末", "行"]])
        #expect(sheet.rows.map(\.line) == [2, 3, 6])  // the blank line 5 dropped, its number kept
    }

    @Test func aSheetThatIsNotATableSaysWhy() {
        #expect(throws: SpreadsheetCSV.Failure(description: "the file is empty: a header line is needed")) {
            try SpreadsheetCSV(data: Data("\n,,\n".utf8))
        }
        #expect(throws: SpreadsheetCSV.Failure(description: "a quoted field starting on line 2 is never closed")) {
            try SpreadsheetCSV(data: Data("a,b\n\"open,1\n2,3\n".utf8))
        }
    }
}
