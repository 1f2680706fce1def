import AsyncHTTPClient
public import Foundation
public import NIOCore
public import NIOHTTP1
import NIOPosix
import NIOFoundationCompat

/// The station's HTTP client to its county: AsyncHTTPClient, with timeouts that follow the link.
///
/// A link that is cut is seen at once: the connection closes and the exchange fails with
/// ``SyncHTTPError/linkFailed(_:detail:)`` `.cut`; nothing sends a request again by itself (the
/// round fails and the next round starts clean). A link that goes silent is seen by the idle
/// timeouts: no byte for ``idleRead`` while a reply is awaited or read, or for ``idleWrite`` while
/// a request is written. Those count silence, not duration, so a slow link's large batch, whose
/// bytes keep coming, is never cut by them; the deadline of a whole exchange is only a backstop,
/// sized from its bytes at a rate below any GPRS link's.
///
/// Foundation's URLSession (over libcurl) was the client before: after a cut on a kept-alive
/// connection it sent the POST again on a new connection with its headers but not its body, and
/// the county waited for the body until the client's two-minute timeout.
///
/// ```swift
/// let reply = try await CountyClient.shared.post(url, headers: headers, body: body)
/// ```
public struct CountyClient: Sendable {
    /// The client every station in a process shares: a station talks to one county, and a
    /// benchmark's stations in one process each need their own connections (no small per-host cap).
    public static let shared = CountyClient()

    let client: HTTPClient

    /// How long a connection may take to open.
    public static let connect = TimeAmount.seconds(15)
    /// The longest silence while a reply is awaited or read: longer than a busy county takes to
    /// answer a push (seconds), far shorter than the libcurl stall it replaces.
    public static let idleRead = TimeAmount.seconds(60)
    /// The longest silence while a request's body is written.
    public static let idleWrite = TimeAmount.seconds(30)
    /// A kept-alive connection unused this long is closed by the station, before the county's own
    /// idle limit (60 s) can close it under a request.
    public static let idleConnection = TimeAmount.seconds(20)
    /// The slowest rate an exchange's backstop deadline allows for its bytes: a tenth of GPRS.
    static let floorBytesPerSecond = 250

    init() {
        var configuration = HTTPClient.Configuration(
            timeout: .init(connect: Self.connect, read: Self.idleRead, write: Self.idleWrite))
        configuration.connectionPool = .init(idleTimeout: Self.idleConnection, concurrentHTTP1ConnectionsPerHostSoftLimit: 1_024)
        configuration.redirectConfiguration = .disallow
        configuration.httpVersion = .http1Only
        configuration.decompression = .disabled
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// A reply: its status, headers and body.
    public struct Reply: Sendable {
        public let status: Int
        public let headers: HTTPHeaders
        public let body: Data

        public func header(_ name: String) -> String? { headers.first(name: name) }
    }

    /// Posts `body` and reads a reply of at most `replyLimit` bytes.
    ///
    /// - Parameter replyBudget: the reply's expected bytes, which the backstop deadline allows for.
    public func post(
        _ url: URL, headers: [(String, String)], body: Data, replyLimit: Int = 64 << 20, replyBudget: Int = 512 << 10
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let seconds = 60 + (body.count + replyBudget) / Self.floorBytesPerSecond
        do {
            let response = try await client.execute(request, deadline: .now() + .seconds(Int64(seconds)))
            let bytes = try await response.body.collect(upTo: replyLimit)
            return Reply(status: Int(response.status.code), headers: response.headers, body: Data(buffer: bytes))
        } catch is NIOTooManyBytesError {
            throw SyncHTTPError.badReply("a reply larger than \(replyLimit) bytes")
        } catch {
            throw LinkFailure.classify(error)
        }
    }
}

/// How an exchange with the county failed on the way, for the operator and for the retry.
public enum LinkFailure: String, Sendable, Equatable {
    /// The connection closed or was reset mid-exchange: the link dropped.
    case cut
    /// No byte came for longer than the client waits, or the exchange passed its deadline.
    case timedOut
    /// No connection could be made.
    case unreachable

    static func classify(_ error: any Error) -> any Error {
        if error is SyncHTTPError || error is CancellationError { return error }
        let kind: LinkFailure =
            switch error {
            case let error as HTTPClientError where [.readTimeout, .writeTimeout, .deadlineExceeded].contains(error): .timedOut
            case let error as HTTPClientError
            where [.connectTimeout, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout].contains(error): .unreachable
            case is NIOConnectionError: .unreachable
            case let error as IOError where error.errnoCode == ECONNREFUSED: .unreachable
            default: .cut
            }
        return SyncHTTPError.linkFailed(kind, detail: String(describing: error))
    }
}
