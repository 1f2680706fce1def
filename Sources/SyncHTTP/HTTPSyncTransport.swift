import Foundation
import Storage
import Sync
import WebAPI

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The station's way to the county: signed HTTP requests through Foundation's URLSession.
///
/// ```swift
/// let transport = HTTPSyncTransport(enrollment: enrollment, store: store, replica: replica)
/// let report = try await SyncRound(station: replica, transport: transport).run()
/// ```
public struct HTTPSyncTransport: SyncTransport {
    let enrollment: StationEnrollment
    let store: Store
    let replica: Replica
    let session: URLSession

    /// - Parameter session: the station's own session; `URLSession.shared` holds at most six
    ///   connections to a host, which stations sharing one process (a benchmark's) would queue for.
    public init(enrollment: StationEnrollment, store: Store, replica: Replica, session: URLSession = .shared) {
        self.enrollment = enrollment
        self.store = store
        self.replica = replica
        self.session = session
    }

    public func push(_ request: PushRequest) async throws -> PushReply {
        try await send(request, to: "/sync/v1/push")
    }

    public func push(_ pending: PendingPush) async throws -> PushReply {
        try await send(json: pending.wireJSON, to: "/sync/v1/push")
    }

    public func pull(_ request: PullRequest) async throws -> PullReply {
        try await send(request, to: "/sync/v1/pull")
    }

    func send<Reply: SyncWireMessage>(_ message: some SyncWireMessage, to path: String) async throws -> Reply {
        try await send(json: try message.wireJSON(), to: path)
    }

    func send<Reply: SyncWireMessage>(json: Data, to path: String) async throws -> Reply {
        let body = try Deflate.compress(json)
        let counter = try await enrollment.nextCounter(store)
        var request = URLRequest(url: enrollment.serverURL.appendingPathComponent(path))
        request.httpMethod = "POST"
        request.httpBody = body
        request.timeoutInterval = 120
        let signed = try RequestSignature.headers(
            stationID: enrollment.stationID, counter: counter, method: "POST",
            path: request.url!.path, body: body, key: enrollment.privateKey)
        for (name, value) in signed { request.setValue(value, forHTTPHeaderField: name) }
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(Deflate.name, forHTTPHeaderField: "Content-Encoding")
        request.setValue(Deflate.name, forHTTPHeaderField: SyncWire.acceptHeader)
        request.setValue(String(SyncProtocol.version), forHTTPHeaderField: SyncWire.protocolHeader)
        request.setValue(String(replica.clock.deviceWallMilliseconds), forHTTPHeaderField: RequestSignature.stationTimeHeader)
        request.setValue(String(try await replica.pendingCount()), forHTTPHeaderField: RequestSignature.pendingHeader)
        let (received, response) = try await session.data(for: request)
        try Self.check(response, received)
        do {
            let deflated = (response as? HTTPURLResponse)?.value(forHTTPHeaderField: SyncWire.encodingHeader) == Deflate.name
            let data = deflated ? try Deflate.decompress(received, limit: 64 << 20) : received
            return try Reply(wireJSON: data)
        } catch {
            throw SyncHTTPError.badReply("\(Reply.self) expected")
        }
    }

    /// Posts a JSON body with the API's conventions and decodes the JSON answer.
    static func post<Reply: Decodable>(_ url: URL, json: some Encodable) async throws -> Reply {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = try JSONCoding.encoder.encode(json)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let (data, response) = try await URLSession.shared.data(for: request)
        try check(response, data)
        return try JSONCoding.decoder.decode(Reply.self, from: data)
    }

    static func check(_ response: URLResponse, _ data: Data) throws {
        guard let http = response as? HTTPURLResponse else { throw SyncHTTPError.badReply("not HTTP") }
        guard http.statusCode == 200 else {
            let body = try? JSONDecoder().decode(APIError.Body.self, from: data)
            throw SyncHTTPError.refused(
                status: http.statusCode, code: body?.error ?? "unknown", message: body?.messageEN ?? "")
        }
    }
}
