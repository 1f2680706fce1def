import CZlib
public import Foundation

/// zlib's deflate, for sync bodies: a GPRS link carries 2–5 KB/s, and a batch of JSON changes
/// shrinks several times.
///
/// ```swift
/// let packed = try Deflate.compress(body)
/// let body = try Deflate.decompress(packed, limit: 8 << 20)
/// ```
public enum Deflate {
    /// The header value naming this encoding.
    public static let name = "deflate"

    public enum Failure: Error, Sendable, Equatable {
        case corrupt
        case tooLarge(limit: Int)
    }

    public static func compress(_ data: Data) throws -> Data {
        var length = compressBound(uLong(data.count))
        var output = Data(count: Int(length))
        let status = output.withUnsafeMutableBytes { target in
            data.withUnsafeBytes { source in
                compress2(
                    target.baseAddress!.assumingMemoryBound(to: Bytef.self), &length,
                    source.baseAddress?.assumingMemoryBound(to: Bytef.self), uLong(data.count), 6)
            }
        }
        guard status == Z_OK else { throw Failure.corrupt }
        output.count = Int(length)
        return output
    }

    /// Inflates, refusing output above `limit` bytes (a small body must not unfold into gigabytes).
    public static func decompress(_ data: Data, limit: Int) throws -> Data {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure.corrupt
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        // JSON deflates about sixfold: room for that at once spares the county a chain of ever larger
        // copies (each a fresh, zeroed mapping) for every push it reads.
        output.reserveCapacity(min(limit, max(64 * 1024, data.count * 8)))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let status: Int32 = data.withUnsafeBytes { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(data.count)
            var status = Z_OK
            while status == Z_OK {
                status = chunk.withUnsafeMutableBytes { buffer in
                    stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
                    stream.avail_out = uInt(buffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
                if output.count > limit { return Z_MEM_ERROR }
                if status == Z_BUF_ERROR && stream.avail_in == 0 { break }
            }
            return status
        }
        if output.count > limit { throw Failure.tooLarge(limit: limit) }
        guard status == Z_STREAM_END else { throw Failure.corrupt }
        return output
    }
}
