public import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads text files as Chinese spreadsheets export them: UTF-8 (with or without a byte-order mark)
/// or GBK/GB 18030, which Excel on a Chinese Windows writes by default.
///
/// ```swift
/// let (text, encoding) = try ChineseTextDecoder.decode(Data(contentsOf: url))
/// // encoding == .gb18030 for a file saved by Excel as "CSV (逗号分隔)"
/// ```
public enum ChineseTextDecoder {
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case gb18030 = "GB18030"
    }

    /// Why a file's bytes are not text.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// UTF-8 if the bytes are valid UTF-8, else GB 18030 (a superset of GBK and GB 2312).
    public static func decode(_ data: Data) throws -> (text: String, encoding: Encoding) {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        return (try convert(bytes, from: Encoding.gb18030.rawValue), .gb18030)
    }

    /// Text as GB 18030 bytes, as a Chinese Excel would save it (for tests and sample files).
    public static func gb18030(_ text: String) throws -> Data {
        try withIconv(from: "UTF-8", to: Encoding.gb18030.rawValue, Data(text.utf8))
    }

    static func convert(_ bytes: Data, from encoding: String) throws -> String {
        let utf8 = try withIconv(from: encoding, to: "UTF-8", bytes)
        guard let text = String(validating: utf8, as: UTF8.self) else {
            throw Failure(description: "the file is neither UTF-8 nor GBK text")
        }
        return text
    }

    private static func withIconv(from source: String, to target: String, _ input: Data) throws -> Data {
        let converter = iconv_open(target, source)
        guard converter != iconv_t(bitPattern: -1) else {
            throw Failure(description: "this system cannot convert \(source) text (iconv)")
        }
        defer { iconv_close(converter) }
        var input = [CChar](input.map { CChar(bitPattern: $0) })
        var output = [CChar](repeating: 0, count: input.count * 2 + 16)
        let produced: Int = try input.withUnsafeMutableBufferPointer { inBuffer in
            try output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress
                var outLeft = outBuffer.count
                if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1 {
                    let offset = inBuffer.count - inLeft
                    throw Failure(description: "the file is neither UTF-8 nor GBK text (bad bytes at offset \(offset))")
                }
                return outBuffer.count - outLeft
            }
        }
        return Data(output[..<produced].map { UInt8(bitPattern: $0) })
    }
}
