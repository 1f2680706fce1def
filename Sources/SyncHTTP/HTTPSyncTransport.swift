import Crypto
import Foundation
import Storage
public import Sync
import WebAPI

/// The station's way to the county: signed HTTP requests through the ``CountyClient``.
///
/// ```swift
/// let transport = HTTPSyncTransport(enrollment: enrollment, store: SQLiteEnrollmentStore(store), replica: replica)
/// let report = try await SyncRound(station: replica, transport: transport).run()
/// ```
public struct HTTPSyncTransport: SyncTransport {
    let enrollment: StationEnrollment
    let store: any EnrollmentStore
    let station: any SyncingStation
    let client: CountyClient
    let meter: ExchangeMeter?

    /// - Parameter meter: counts the bytes each exchange carries on the wire, when given.
    public init(
        enrollment: StationEnrollment, store: any EnrollmentStore, replica: some SyncingStation, client: CountyClient = .shared,
        meter: ExchangeMeter? = nil
    ) {
        self.enrollment = enrollment
        self.store = store
        self.station = replica
        self.client = client
        self.meter = meter
    }

    public func push(_ request: PushRequest) async throws -> PushReply {
        try await send(request, to: "/sync/v1/push")
    }

    public func push(_ pending: PendingPush) async throws -> PushReply {
        try await send(json: pending.wireJSON, to: "/sync/v1/push")
    }

    /// Pulls; until the station holds a key for the idle check, the pull carries its half of an
    /// agreement and the county's signed reply the other (``CheckKey``).
    public func pull(_ request: PullRequest) async throws -> PullReply {
        var request = request
        var ours: Curve25519.KeyAgreement.PrivateKey?
        if try await store.enrollment()?.checkKey == nil {
            ours = Curve25519.KeyAgreement.PrivateKey()
            request.agreementKey = ours?.publicKey.rawRepresentation.base64EncodedString()
        }
        let reply: PullReply = try await send(request, to: "/sync/v1/pull")
        if let ours, let countyHalf = reply.agreementKey {
            try await store.keepCheckKey(try CheckKey.derive(ours, countyHalf: countyHalf, station: enrollment.stationID))
        }
        return reply
    }

    /// The idle check (``IdleCheck``), once the station holds a key for it; a county that no
    /// longer knows the key (restored from a backup) refuses it, and the station forgets it and
    /// pulls, agreeing on another. Whatever else goes wrong with it, the round pulls.
    public func check(position: Int64, epoch: String, reports: [String: String]) async throws -> IdleAnswer? {
        guard let raw = try await store.enrollment()?.checkKey else { return nil }
        let key = SymmetricKey(data: raw)
        let counter = try await store.nextCounter()
        let body = IdleCheck.Question(
            station: enrollment.stationID, counter: counter, position: position, pending: 0, stationTime: station.deviceWallMilliseconds,
            reports: reports, epoch: epoch
        ).encoded(key: key)
        let reply = try await client.post(enrollment.serverURL.appendingPathComponent(IdleCheck.path), headers: [], body: body)
        meter?.count(sent: body.count, received: reply.body.count)
        if reply.status == 401 { try await store.keepCheckKey(nil) }
        // An answer that is not the county's to this question (changed on the way, or another's) is
        // not taken: the round pulls, whose reply is signed as every other.
        guard reply.status == 200,
            let answer = IdleAnswer(reading: reply.body, key: key, station: enrollment.stationID, counter: counter)
        else { return nil }
        return answer
    }

    /// Rounds through it prove the station's data against a county of protocol 2 on.
    public var verifiesData: Bool { true }

    /// A county of the protocol before has no verification: it answers 404, and the round ends without.
    public func verify(_ request: VerifyRequest) async throws -> VerifyReply? {
        try await sendIfServed(request, to: "/sync/v2/verify")
    }

    public func mend(_ request: MendRequest) async throws -> MendReply {
        try await send(request, to: "/sync/v2/mend")
    }

    /// A county of the protocol before gives no snapshot (404): the new station replays its log.
    public func snapshot(_ request: SnapshotRequest) async throws -> SnapshotReply? {
        try await sendIfServed(request, to: "/sync/v2/snapshot")
    }

    /// Sends a request of protocol 2 on; `nil` when the county does not serve its path (404).
    func sendIfServed<Reply: SyncWireMessage>(_ message: some SyncWireMessage, to path: String) async throws -> Reply? {
        do {
            return try await send(message, to: path)
        } catch SyncHTTPError.refused(status: 404, code: _, message: _) {
            return nil
        }
    }

    func send<Reply: SyncWireMessage>(_ message: some SyncWireMessage, to path: String) async throws -> Reply {
        try await send(json: try message.wireJSON(), to: path)
    }

    func send<Reply: SyncWireMessage>(json: Data, to path: String) async throws -> Reply {
        do {
            return try await send(json: json, to: path, version: SyncProtocol.version)
        } catch SyncHTTPError.refused(status: 400, code: "protocol_unsupported", message: _) {
            // A county not yet upgraded: this station speaks the version before to it, which it reads.
            return try await send(json: json, to: path, version: SyncProtocol.previous)
        }
    }

    func send<Reply: SyncWireMessage>(json: Data, to path: String, version: Int) async throws -> Reply {
        let body = try Deflate.compress(json)
        let counter = try await store.nextCounter()
        let url = enrollment.serverURL.appendingPathComponent(path)
        let signed = try RequestSignature.headers(
            stationID: enrollment.stationID, counter: counter, method: "POST", path: url.path, body: body,
            key: enrollment.privateKey)
        var headers = signed.map { ($0.key, $0.value) }
        headers += [
            ("Content-Type", "application/json"),
            ("Content-Encoding", Deflate.name),
            (SyncWire.acceptHeader, Deflate.name),
            (SyncWire.protocolHeader, String(version)),
            (RequestSignature.stationTimeHeader, String(station.deviceWallMilliseconds)),
            (RequestSignature.pendingHeader, String(try await station.pendingCount())),
        ]
        let reply = try await client.post(url, headers: headers, body: body)
        meter?.count(sent: body.count, received: reply.body.count)
        try Self.check(reply)
        // Nothing is taken from a reply the county did not sign for this very request.
        guard
            ReplySignature.isValid(
                reply.header(ReplySignature.header), reply.body, path: url.path, station: enrollment.stationID, counter: counter,
                key: enrollment.countyKey)
        else { throw SyncHTTPError.badReply("the reply is not signed by the county for this request") }
        do {
            let deflated = reply.header(SyncWire.encodingHeader) == Deflate.name
            let data = deflated ? try Deflate.decompress(reply.body, limit: 64 << 20) : reply.body
            return try Reply(wireJSON: data)
        } catch {
            throw SyncHTTPError.badReply("\(Reply.self) expected")
        }
    }

    static func check(_ reply: CountyClient.Reply) throws {
        guard reply.status == 200 else {
            let body = try? JSONDecoder().decode(APIError.Body.self, from: reply.body)
            throw SyncHTTPError.refused(
                status: reply.status, code: body?.error ?? "unknown", message: body?.messageEN ?? "")
        }
    }
}
