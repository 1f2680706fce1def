import Foundation

/// Reads the idle check's bytes.
struct ByteReader {
    var bytes: Data.SubSequence

    init(_ data: some DataProtocol) { bytes = Data(data)[...] }

    var isAtEnd: Bool { bytes.isEmpty }

    mutating func byte() -> UInt8? { bytes.popFirst() }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard bytes.count >= count else { return nil }
        defer { bytes = bytes.dropFirst(count) }
        return Array(bytes.prefix(count))
    }

    /// An unsigned LEB128 number of at most 9 bytes (63 bits).
    mutating func varint() -> Int64? {
        var value: UInt64 = 0
        for shift in stride(from: 0, to: 63, by: 7) {
            guard let byte = byte() else { return nil }
            value |= UInt64(byte & 0x7f) << UInt64(shift)
            if byte & 0x80 == 0 { return Int64(bitPattern: value) >= 0 ? Int64(bitPattern: value) : nil }
        }
        return nil
    }
}

extension Data {
    /// Appends an unsigned LEB128 number (a negative one as 0).
    mutating func appendVarint(_ number: Int64) {
        var value = UInt64(Swift.max(number, 0))
        repeat {
            let low = UInt8(value & 0x7f)
            value >>= 7
            append(value == 0 ? low : low | 0x80)
        } while value != 0
    }
}
