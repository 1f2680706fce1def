import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A raw TCP connection to a loopback port that sends what it is given and can say whether the
/// other side has closed it: a client that sends a request's headers and then next to nothing.
///
/// ```swift
/// let idle = try TrickleConnection(port: county.port, head: "POST /sync/v1/push HTTP/1.1\r\n…\r\n\r\n")
/// idle.send("x")
/// ```
public final class TrickleConnection: Sendable {
    let socket: Int32

    public init(port: Int, head: String) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw ProgramFailure(message: "cannot connect to \(port)") }
        send(head)
    }

    public func send(_ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { Glibc.send(socket, $0.baseAddress, $0.count - 1, Int32(MSG_NOSIGNAL)) }
    }

    /// Whether the other side has not closed the connection: a peek finds no end of stream.
    public var isOpen: Bool {
        var byte: UInt8 = 0
        let read = recv(socket, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        return read > 0 || (read < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
    }

    public func close() { shutdown(socket, Int32(SHUT_RDWR)) }

    deinit { Glibc.close(socket) }
}
