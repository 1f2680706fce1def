import CQREncode
import Foundation

/// A QR code (二维码) of a text, as libqrencode lays it out: a square of dark and light modules,
/// with error correction level M (about 15 % of it may be smudged or torn and still read). The
/// station shows one for a villager's phone to open its pages on the station's Wi-Fi.
///
/// ```swift
/// let code = try QRCode("http://192.168.4.1:8081/#/prices")
/// code.size            // 29 modules a side
/// let svg = code.svg() // for an <img>, with the 4-module quiet zone readers need
/// ```
public struct QRCode: Sendable, Equatable {
    /// Modules a side.
    public let size: Int
    /// Row by row, `true` where the module is dark.
    let modules: [Bool]

    /// The longest text a station encodes: a page's address, not a document.
    public static let longestText = 1_000

    /// Lays out `text` in 8-bit mode, in the smallest version it fits.
    public init(_ text: String) throws(QRCodeError) {
        guard !text.isEmpty, text.utf8.count <= Self.longestText else { throw .tooLong(text.utf8.count) }
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { throw .notEncoded(errno) }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        size = width
        // Bit 0 of each byte is the module's colour; the others say what libqrencode put there.
        modules = (0..<width * width).map { code.pointee.data[$0] & 1 == 1 }
    }

    /// Whether the module at a row and column is dark.
    public func isDark(row: Int, column: Int) -> Bool { modules[row * size + column] }

    /// The code as an SVG image, one path of dark squares on white, with a quiet zone of `margin`
    /// modules around it; it scales without blurring.
    public func svg(margin: Int = 4) -> String {
        let side = size + 2 * margin
        var path = ""
        for row in 0..<size {
            for column in 0..<size where isDark(row: row, column: column) {
                path += "M\(column + margin) \(row + margin)h1v1h-1z"
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges">\
            <rect width="\(side)" height="\(side)" fill="#fff"/><path fill="#000" d="\(path)"/></svg>
            """
    }
}

/// Why a text has no QR code.
public enum QRCodeError: Error, Equatable, CustomStringConvertible {
    case tooLong(Int)
    case notEncoded(Int32)

    public var description: String {
        switch self {
        case .tooLong(let bytes): "a QR code here holds 1 to \(QRCode.longestText) bytes, not \(bytes)"
        case .notEncoded(let code): "libqrencode could not encode the text (errno \(code))"
        }
    }
}
