import Foundation
import QRDrawing
import TestSupport
import Testing

@Suite struct QRCodeTests {
    /// Read back by zbar (Debian's zbar-tools), as a phone's camera would: what the station encodes
    /// is what a phone opens.
    @Test(arguments: [
        "http://192.168.4.1:8081/#/prices", "http://127.0.0.1:41234/#/disclosures/DIS-441422107201-2026-11",
        "http://[fe80::1]:8081/",
    ])
    func zbarReadsBackWhatWasEncoded(_ text: String) throws {
        #expect(try Self.zbarRead(QRCode(text)) == text)
    }

    @Test func theThreeFinderPatternsStandInTheirCorners() throws {
        let code = try QRCode("HELLO")
        #expect(code.size == 21)  // version 1
        for (top, left) in [(0, 0), (0, code.size - 7), (code.size - 7, 0)] {
            for row in 0..<7 {
                for column in 0..<7 {
                    let ring = max(abs(row - 3), abs(column - 3))  // 3: the dark border, 2: light, ≤1: the dark centre
                    #expect(code.isDark(row: top + row, column: left + column) == (ring != 2), "(\(top + row), \(left + column))")
                }
            }
        }
    }

    @Test func theSVGDrawsEveryDarkModuleInsideAQuietZone() throws {
        let code = try QRCode("HELLO")
        let svg = code.svg()
        #expect(svg.contains(#"viewBox="0 0 29 29""#))
        let dark = (0..<code.size).map { row in (0..<code.size).filter { code.isDark(row: row, column: $0) }.count }.reduce(0, +)
        #expect(svg.components(separatedBy: "h1v1h-1z").count - 1 == dark)
        #expect(svg.contains("M4 4h1v1h-1z"))  // the first finder's corner, inside the 4-module margin
    }

    @Test func anEmptyOrOverlongTextIsRefused() {
        #expect(throws: QRCodeError.tooLong(0)) { try QRCode("") }
        #expect(throws: QRCodeError.tooLong(1_001)) { try QRCode(String(repeating: "a", count: 1_001)) }
    }

    /// The code drawn as a greyscale image (PGM), 8 pixels a module inside a 4-module quiet zone, and
    /// read by `zbarimg`.
    static func zbarRead(_ code: QRCode) throws -> String {
        let scale = 8, margin = 4
        let side = (code.size + 2 * margin) * scale
        var pixels = [UInt8](repeating: 255, count: side * side)
        for row in 0..<code.size {
            for column in 0..<code.size where code.isDark(row: row, column: column) {
                for y in 0..<scale {
                    let start = ((row + margin) * scale + y) * side + (column + margin) * scale
                    pixels.replaceSubrange(start..<start + scale, with: repeatElement(0, count: scale))
                }
            }
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).pgm")
        defer { try? FileManager.default.removeItem(at: file) }
        try (Data("P5\n\(side) \(side)\n255\n".utf8) + Data(pixels)).write(to: file)
        return try Zbar.read(imageAt: file.path).joined(separator: "\n")
    }
}
