import AsyncHTTPClient
import Crypto
import Foundation
import Hummingbird
import HTTPTypes
import NIOCore
import Sync
import SyncHTTP
import Synchronization
import WebAPI
import NIOFoundationCompat
import NIOHTTP1

/// A relay on the link without TLS that rewrites what the county answers, as anyone on the path
/// could: it forwards every request to the county and changes the reply's body as its mode says,
/// keeping every header (the county's signature included).
///
/// ```swift
/// let relay = try await RewritingRelay.start(forwardingTo: county.port)
/// relay.mode.withLock { $0 = .raiseAcknowledged }
/// ```
final class RewritingRelay: Sendable {
    enum Mode: Sendable {
        /// Passes everything through untouched.
        case honest
        /// Says the county acknowledged far more than the station pushed.
        case raiseAcknowledged
        /// Says the county's log is a new epoch, and skips the station far ahead in it.
        case newEpochAndCursor
        /// Names another county origin, whose records the station would then refuse.
        case anotherCountyOrigin
        /// Gives the county's time as the largest number there is.
        case extremeCountyTime
        /// Adds an urgent notice the county never published, unsigned.
        case injectUnsignedNotice
        /// Answers enrollment with the relay's own key in place of the county's, signed with it.
        case swapCountyKey
    }

    let mode = Mutex(Mode.honest)
    let port: Int
    private let task: Task<Void, any Error>

    private init(port: Int, task: Task<Void, any Error>) {
        self.port = port
        self.task = task
    }

    var url: String { "http://127.0.0.1:\(port)" }

    static func start(forwardingTo countyPort: Int) async throws -> RewritingRelay {
        let box = Mutex<RewritingRelay?>(nil)
        let router = Router()
        router.post("**") { request, _ in
            try await box.withLock { $0 }!.forward(request, to: countyPort)
        }
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in portSink.yield(channel.localAddress?.port ?? 0) })
        let task = Task { try await app.runService() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        let relay = RewritingRelay(port: port, task: task)
        box.withLock { $0 = relay }
        return relay
    }

    func stop() { task.cancel() }

    private func forward(_ request: Request, to countyPort: Int) async throws -> Response {
        var outgoing = HTTPClientRequest(url: "http://127.0.0.1:\(countyPort)\(request.uri.path)")
        outgoing.method = .POST
        for field in request.headers { outgoing.headers.add(name: field.name.rawName, value: field.value) }
        outgoing.body = .bytes(try await request.body.collect(upTo: 64 << 20))
        let answer = try await HTTPClient.shared.execute(outgoing, timeout: .seconds(120))
        var body = Data(buffer: try await answer.body.collect(upTo: 64 << 20))
        if answer.status == .ok { body = try rewrite(body, path: request.uri.path, deflated: answer.headers.first(name: SyncWire.encodingHeader) != nil) }
        var headers = HTTPFields()
        for header in answer.headers where header.name.lowercased() != "content-length" {
            headers.append(HTTPField(name: HTTPField.Name(header.name)!, value: header.value))
        }
        return Response(
            status: .init(code: Int(answer.status.code)), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    private func rewrite(_ body: Data, path: String, deflated: Bool) throws -> Data {
        let mode = mode.withLock { $0 }
        if path.hasSuffix("/enroll") { return mode == .swapCountyKey ? try swappedKey(body) : body }
        guard mode != .honest else { return body }
        let json = deflated ? try Deflate.decompress(body, limit: 64 << 20) : body
        let changed: Data
        if path.hasSuffix("/push") {
            let reply = try PushReply(wireJSON: json)
            changed = try PushReply(
                acknowledged: mode == .raiseAcknowledged ? 1_000_000 : reply.acknowledged, quarantined: reply.quarantined,
                countyTime: mode == .extremeCountyTime ? .max : reply.countyTime
            ).wireJSON()
        } else {
            let reply = try PullReply(wireJSON: json)
            let injected = Change(
                origin: reply.countyOrigin, sequence: 999_999, timestamp: HybridTimestamp(wallMilliseconds: 1_795_000_000_000, counter: 0),
                collection: "notices.notice", recordID: "FORGED", scope: "",
                fields: ["title": "假通知：请把存款转到以下账户", "urgent": 1, "body": "假", "category": "灾害预警"])
            changed = try PullReply(
                changes: reply.changes + (mode == .injectUnsignedNotice ? [injected] : []),
                position: mode == .newEpochAndCursor ? reply.position + 1_000_000 : reply.position, more: reply.more,
                countyTime: mode == .extremeCountyTime ? .max : reply.countyTime,
                countyOrigin: mode == .anotherCountyOrigin ? "not-the-county" : reply.countyOrigin,
                urgent: reply.urgent + (mode == .injectUnsignedNotice ? [injected] : []),
                epoch: mode == .newEpochAndCursor ? UUID().uuidString : reply.epoch
            ).wireJSON()
        }
        return deflated ? try Deflate.compress(changed) : changed
    }

    /// The enrollment answer with the relay's key in the county's place.
    private func swappedKey(_ body: Data) throws -> Data {
        guard var reply = try JSONSerialization.jsonObject(with: body) as? [String: Any] else { return body }
        reply["county_public_key"] = Curve25519.Signing.PrivateKey().publicKey.rawRepresentation.base64EncodedString()
        return try JSONSerialization.data(withJSONObject: reply)
    }
}
