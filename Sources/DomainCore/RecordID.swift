public import Foundation

/// A new record's id: a UUID of version 7 (RFC 9562), whose first 48 bits are the Unix time in
/// milliseconds, in lowercase text.
///
/// Ids that grow with time are appended at the end of a table's primary-key index; random
/// version-4 ids land on a random page each, so a county receiving a thousand records a push
/// dirtied a thousand pages of one index and slowed as the table outgrew the cache.
///
/// ```swift
/// let id = RecordID.make()   // "019aa3c2-7f1e-7a2b-9c4d-5e6f7a8b9c0d"
/// ```
public enum RecordID {
    public static func make(at date: Date = Date()) -> String {
        var generator = SystemRandomNumberGenerator()
        return make(milliseconds: UInt64(max(0, date.timeIntervalSince1970 * 1000)), using: &generator)
    }

    public static func make(milliseconds: UInt64, using generator: inout some RandomNumberGenerator) -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - UInt64(index)))) }
        let random = (generator.next() as UInt64, generator.next() as UInt64)
        for index in 6..<16 {
            let word = index < 8 ? random.0 : random.1
            bytes[index] = UInt8(truncatingIfNeeded: word >> (8 * UInt64(index % 8)))
        }
        bytes[6] = 0x70 | (bytes[6] & 0x0F)  // version 7
        bytes[8] = 0x80 | (bytes[8] & 0x3F)  // variant 10
        // Written digit by digit: every record a station writes takes one.
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text += [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
        }
        return String(decoding: text, as: UTF8.self)
    }
}
