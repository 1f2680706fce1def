import Crypto
import Foundation
import HTTPTypes
public import Hummingbird
public import Sync
public import WebAPI
import NIOFoundationCompat

/// The county's sync endpoints: enrollment with a one-time code, then signed push and pull, and the
/// list of stations with their sync state for the console, where a new one is registered.
///
/// ```swift
/// CountySyncRoutes(replica: county, registry: StationRegistry(store: SQLiteStationStore(store))).addRoutes(to: router)
/// // POST /sync/v1/enroll, POST /sync/v1/push, POST /sync/v1/pull, GET and POST /api/v1/sync/stations
/// ```
public struct CountySyncRoutes: RouteProvider {
    let replica: Replica
    let registry: StationRegistry
    /// Run as a station pulls, before its batch is read, with what it reports of its own data: a
    /// domain may write what the station should receive now (the county's seal on its books), and
    /// answers a warning for the console when the station's data no longer matches the county's.
    let onPull: @Sendable (StationPeer, [String: String]) async -> String?
    /// Pushes held at once, from their inflated bodies to their commits.
    let pushes = AdmissionLimit(32)
    /// One push at a time per station, taken once its signature is checked.
    let perStation = StationAdmission()
    /// Failed authentications per client address: 30 at once, then one every two seconds; counted
    /// by every process of a hub alike (``RateLimits``).
    let authFailures: any RateBuckets
    /// The protocol versions accepted, stated in every pull's reply from version 2 on.
    let protocols: ProtocolSupport

    /// The most a push may carry: its changes, and its bytes once inflated. A station's batches are
    /// at most 1,000 changes of a few hundred bytes.
    public static let largestPush = (changes: 2_000, inflatedBytes: 8 << 20)

    public init(
        replica: Replica, registry: StationRegistry, rateLimits: any RateLimits = InProcessRateLimits(),
        protocols: ProtocolSupport = ProtocolSupport(),
        onPull: @escaping @Sendable (StationPeer, [String: String]) async -> String? = { _, _ in nil }
    ) {
        self.protocols = protocols
        self.authFailures = rateLimits.buckets("sync-auth-failures", burst: 30, perSecond: 0.5)
        self.onPull = onPull
        self.replica = replica
        self.registry = registry
    }

    public func addRoutes(to router: some RouterMethods<APIRequestContext>) {
        router.post("sync/v1/enroll") { request, context in
            let enroll = try await request.decodeJSON(as: EnrollRequest.self, context: context)
            guard let key = Data(base64Encoded: enroll.publicKey) else {
                throw APIError.invalidField(
                    "public_key", message: "公钥必须是 base64", messageEN: "public_key must be base64")
            }
            let station = try await registry.enroll(code: enroll.code, publicKey: key)
            return try SignedEnrollment(
                EnrollReply(
                    stationID: station.id, village: station.village,
                    countyPublicKey: replica.signature?.publicKey.base64EncodedString() ?? "",
                    countyOrigin: replica.origin, signatureScheme: ChangeSignature.scheme,
                    protocolVersion: SyncProtocol.version, origin: station.origin ?? ""),
                code: enroll.code, county: replica)
        }
        router.post("sync/v1/push") { request, context in
            // Slots go only to signed pushes: a connection that sends headers and no body holds none.
            let (sent, signed) = try await verified(request, context)
            return try await perStation.admit(signed.stationID) {
                try await pushes.admit {
                    let push = try decode(PushRequest.self, try inflated(sent, request, context))
                    guard push.changes.count <= Self.largestPush.changes else {
                        throw APIError(
                            status: .contentTooLarge, code: "push_too_large", message: "同步批次过大",
                            messageEN: "a push carries at most \(Self.largestPush.changes) changes")
                    }
                    let reply = try await replica.receive(push, from: signed.peer) { transaction in try registry.count(signed, transaction) }
                    return try SyncReply(reply, to: request, from: signed, county: replica)
                }
            }
        }
        router.post("sync/v1/pull") { request, context in
            let (pull, signed, peer) = try await counted(PullRequest.self, request, context)
            let warning = await onPull(peer, pull.reports)
            try await registry.note(warning: warning, for: signed.stationID)
            // An idle check that reports otherwise is told to pull, so that the domains see it.
            try await registry.note(reports: pull.reports, of: signed)
            let limit = min(max(pull.limit, 1), 1_000)
            let served = try await replica.serve(
                PullRequest(after: pull.after, limit: limit, heldUrgent: pull.heldUrgent, columns: pull.columns, snapshots: pull.snapshots),
                for: peer)
            // A station of version 1 would not read the statement: it is left out of its reply.
            var reply = served.stating(signed.protocolVersion >= 2 ? protocols : nil)
            if signed.protocolVersion >= 2, let stationHalf = pull.agreementKey {
                reply.agreementKey = try await registry.agreeCheckKey(with: stationHalf, for: signed.stationID)
            }
            return try SyncReply(reply, to: request, from: signed, county: replica)
        }
        router.post("sync/v2/check") { request, context in try await check(request, context) }
        router.post("sync/v2/verify") { request, context in
            let (asked, signed, peer) = try await counted(VerifyRequest.self, request, context)
            // One verification at a time per station: each may read the station's buckets whole.
            return try await perStation.admit(signed.stationID) {
                try SyncReply(try await replica.verify(asked, for: peer), to: request, from: signed, county: replica)
            }
        }
        router.post("sync/v2/snapshot") { request, context in
            let (asked, signed, peer) = try await counted(SnapshotRequest.self, request, context)
            return try SyncReply(try await replica.snapshot(asked, for: peer), to: request, from: signed, county: replica)
        }
        router.post("sync/v2/mend") { request, context in
            let (asked, signed, peer) = try await counted(MendRequest.self, request, context)
            let reply: MendReply
            do {
                reply = try await replica.mend(asked, for: peer)
            } catch SyncError.refused(_, let reason) {
                throw APIError(status: .forbidden, code: "outside_scope", message: "站点无权读取该数据", messageEN: reason)
            }
            try await registry.note(mended: reply.records.count + reply.absent.count, for: signed.stationID)
            return try SyncReply(reply, to: request, from: signed, county: replica)
        }
        router.restricted(to: [.admin, .reviewer]).get("api/v1/sync/stations") { _, context in
            JSONResponse(StationList(stations: try await registry.stations().filter { context.sees($0.village) }))
        }
        router.restricted(to: [.admin]).post("api/v1/sync/stations") { request, context in
            let body = try await request.decodeJSON(as: NewStation.self, context: context)
            try context.requireDivision(covering: body.village)
            let (station, code) = try await registry.add(village: body.village, name: body.name)
            return JSONResponse(
                Added(station: station, code: code, countyFingerprint: try registry.countyFingerprint()), status: .created)
        }
    }

    /// A station the administrator registers from the console: its one-time code is shown once.
    struct NewStation: Decodable, Sendable {
        let village: String
        let name: String
    }

    struct Added: Encodable, Sendable {
        let station: String
        let code: String
        /// What the station's operator compares when enrolling over plain HTTP.
        let countyFingerprint: String
    }

    struct StationList: Codable, Sendable {
        let stations: [StationRegistry.Station]
    }

    /// The body as sent and the station, once the request's version, its station and its
    /// signature are checked; its counter is the caller's to take (``StationRegistry/count(_:_:)``).
    ///
    /// The station is looked up from the headers before the body is read, so a request naming no
    /// enrolled station is refused without reading it; a body that stops coming is cut by the
    /// server's idle limit (``APIApplication``).
    func verified(_ request: Request, _ context: APIRequestContext) async throws -> (Data, StationRegistry.SignedRequest) {
        // A station of the first release that sent none spoke version 1.
        let version = request.headers[HTTPField.Name(SyncWire.protocolHeader)!].flatMap(Int.init) ?? 1
        if version > SyncProtocol.version {
            throw APIError(
                status: .badRequest, code: "protocol_unsupported", message: "同步协议版本过新",
                messageEN: "sync protocol \(version) is newer than this server's \(SyncProtocol.version)")
        }
        if version < protocols.oldest() {
            throw APIError(
                status: .badRequest, code: "protocol_retired",
                message: "本站程序过旧（同步协议 \(version)），县级服务器已不再接受，请升级本站程序",
                messageEN: "sync protocol \(version) is no longer accepted here (the oldest is \(protocols.oldest())): upgrade the station")
        }
        func header(_ name: String) throws -> String {
            guard let value = request.headers[HTTPField.Name(name)!] else {
                throw APIError(
                    status: .unauthorized, code: "not_authenticated", message: "缺少站点签名",
                    messageEN: "header \(name) is required", field: name)
            }
            return value
        }
        guard let counter = Int64(try header(RequestSignature.counterHeader)) else {
            throw APIError.invalidField(
                RequestSignature.counterHeader, message: "请求计数必须是整数",
                messageEN: "\(RequestSignature.counterHeader) must be a whole number")
        }
        // Guessing is slow: past 30 failed authentications, an address gets one try every two seconds.
        let client = RateLimitMiddleware<APIRequestContext>.client(of: request, at: context.remoteAddress) ?? "local"
        if let wait = try await authFailures.wait(for: client) { throw APIError.rateLimited(client: client, wait: wait) }
        do {
            let station = try await registry.enrolledStation(try header(RequestSignature.stationHeader))
            let signature = try header(RequestSignature.signatureHeader)
            let body = Data(buffer: try await request.body.collect(upTo: context.maxUploadSize))
            let signed = try registry.verify(
                station, counter: counter, signature: signature, method: request.method.rawValue,
                path: request.uri.path, body: body,
                pending: request.headers[HTTPField.Name(RequestSignature.pendingHeader)!].flatMap(Int.init) ?? 0,
                stationTime: request.headers[HTTPField.Name(RequestSignature.stationTimeHeader)!].flatMap(Int64.init),
                protocolVersion: version)
            return (body, signed)
        } catch let error as APIError where error.status == .unauthorized {
            try await authFailures.take(for: client)
            throw error
        }
    }

    /// A signed request's message, its station and the peer it speaks as, once its signature is
    /// checked, its counter taken (a request of its own transaction, as a pull's) and its body read.
    func counted<Message: SyncWireMessage>(_ type: Message.Type, _ request: Request, _ context: APIRequestContext) async throws
        -> (Message, StationRegistry.SignedRequest, StationPeer)
    {
        let (sent, signed) = try await verified(request, context)
        let peer = try await registry.count(signed)
        return (try decode(type, try inflated(sent, request, context)), signed, peer)
    }

    /// The idle check (``IdleCheck``): a station's question, its code checked with the key it
    /// agreed on, its counter taken as any request's, and the answer whether it holds everything.
    func check(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let body = Data(buffer: try await request.body.collect(upTo: IdleCheck.largestQuestion))
        guard let question = IdleCheck.Question(reading: body) else {
            throw APIError.malformedBody(field: nil, detail: "not an idle check's question")
        }
        let client = RateLimitMiddleware<APIRequestContext>.client(of: request, at: context.remoteAddress) ?? "local"
        if let wait = try await authFailures.wait(for: client) { throw APIError.rateLimited(client: client, wait: wait) }
        // An unknown or revoked station is an authentication failure; the store's own failure is not.
        var station: StationRegistry.EnrolledStation?
        do {
            station = try await registry.enrolledStation(question.station)
        } catch let error as APIError where error.status == .unauthorized {
            station = nil
        }
        guard let station, let key = station.checkKey.map(SymmetricKey.init(data:)), IdleCheck.Question.isAuthentic(body, key: key) else {
            try await authFailures.take(for: client)
            throw StationRegistry.notAuthenticated
        }
        let peer = try await registry.count(station.request(question))
        let (current, epoch) = try await replica.idleState(after: question.position, for: peer)
        let upToDate = current && IdleCheck.digest(of: epoch) == question.epoch && question.reports == station.reportedDigest
        let answer = IdleAnswer(upToDate: upToDate, countyTime: replica.clock.correctedWallMilliseconds)
            .encoded(key: key, station: station.id, counter: question.counter)
        // Every byte counts on GPRS: no content type, no more than the answer and its length.
        return Response(status: .ok, headers: [.contentLength: "\(answer.count)"], body: .init(byteBuffer: ByteBuffer(bytes: answer)))
    }

    /// A verified body, inflated if it was sent deflated: only once the signature is known good,
    /// so that nobody else can make the server unfold a bomb.
    func inflated(_ body: Data, _ request: Request, _ context: APIRequestContext) throws -> Data {
        guard request.headers[.contentEncoding] == Deflate.name else { return body }
        do {
            return try Deflate.decompress(body, limit: Self.largestPush.inflatedBytes)
        } catch {
            throw APIError(
                status: .contentTooLarge, code: "push_too_large", message: "同步批次过大",
                messageEN: "the deflated body does not inflate within \(Self.largestPush.inflatedBytes) bytes")
        }
    }

    func decode<Message: SyncWireMessage>(_ type: Message.Type, _ body: Data) throws -> Message {
        do {
            return try Message(wireJSON: body)
        } catch {
            throw APIError.malformedBody(field: nil, detail: "not a valid \(Message.self)")
        }
    }
}

/// A sync message answered in the sync wire's JSON, deflated when the station accepts it, and
/// signed by the county over its bytes and the request it answers (``ReplySignature``).
struct SyncReply<Message: SyncWireMessage>: ResponseGenerator, Sendable {
    let data: Data
    let deflated: Bool
    let signature: String

    init(_ message: Message, to request: Request, from signed: StationRegistry.SignedRequest, county: Replica) throws {
        let json = try message.wireJSON()
        deflated = SyncWire.acceptsDeflate(request)
        data = deflated ? try Deflate.compress(json) : json
        guard let key = county.signature else { throw SyncError.notWritableHere("the county has no signing key") }
        signature = try ReplySignature.sign(
            data, path: request.uri.path, station: signed.stationID, counter: signed.counter, with: key)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        headers[.contentLength] = String(data.count)
        if deflated { headers[HTTPField.Name(SyncWire.encodingHeader)!] = Deflate.name }
        headers[HTTPField.Name(ReplySignature.header)!] = signature
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
