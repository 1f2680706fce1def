import Crypto
public import Foundation
public import Sync
import WebAPI
import HTTPTypes
public import StoreInterface

/// How the county knows a station's request, in three steps that cost more each:
/// ``enrolledStation(_:)`` finds the station its headers name, before its body is read;
/// ``verify(_:counter:signature:method:path:body:pending:stationTime:protocolVersion:)`` checks the signature over
/// the body, outside the writer that many stations wait for; ``count(_:_:)`` takes its counter in a
/// write transaction, so that the same request is never accepted twice.
///
/// ```swift
/// let station = try await registry.enrolledStation(id)
/// let signed = try registry.verify(station, counter: 7, signature: signature, method: "POST",
///                                  path: "/sync/v1/push", body: body)
/// let reply = try await replica.receive(push, from: signed.peer) { transaction in try registry.count(signed, transaction) }
/// ```
extension StationRegistry {
    /// An enrolled, unrevoked station: what its requests are checked against.
    public struct EnrolledStation: Sendable {
        public let id: String
        public let peer: StationPeer
        let publicKey: Data
        /// The key of the idle check's codes, once the station and the county agreed on one.
        let checkKey: Data?
        /// The digest of what the station reported with its last pull.
        let reportedDigest: Data?

        /// The idle check's question as a request to count, authenticated by its code.
        func request(_ question: IdleCheck.Question) -> SignedRequest {
            SignedRequest(
                peer: peer, stationID: id, publicKey: publicKey, counter: question.counter, pending: Int(clamping: question.pending),
                stationTime: question.stationTime, protocolVersion: 2)
        }

        /// Whether the station signed these bytes (``StationEnrollment/sign(_:)``).
        public func signed(_ bytes: Data, signature: String) -> Bool {
            guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
            return ChangeSignature(verifyingKey: key).verifies(signature, over: bytes)
        }
    }

    /// A station's request whose signature is good, not yet counted. A push counts it in the
    /// transaction that applies it, so that a push costs the county one commit, not two.
    public struct SignedRequest: Sendable {
        /// The station, as its enrollment made it; ``count(_:_:)`` refuses it if it was revoked since.
        public let peer: StationPeer
        let stationID: String
        let publicKey: Data
        let counter: Int64
        let pending: Int
        let stationTime: Int64?
        /// The sync protocol the request was sent in.
        public let protocolVersion: Int
        /// The digest of what the station reported with its last pull, as the store held it.
        var reportedDigest: Data? = nil
    }

    /// Takes a verified request's counter in a transaction of its own.
    @discardableResult
    public func count(_ request: SignedRequest) async throws -> StationPeer {
        try await store.writingGrouped { [self] transaction in try count(request, transaction) }
    }

    /// The enrolled station of that id, or 401: asked before a request's body is read, so that no
    /// body is read for a station that does not exist.
    public func enrolledStation(_ stationID: String) async throws -> EnrolledStation {
        guard let enrolled = try await store.enrolledStation(stationID) else { throw Self.notAuthenticated }
        return EnrolledStation(
            id: stationID, peer: StationPeer(origin: enrolled.origin, village: enrolled.village), publicKey: enrolled.publicKey,
            checkKey: enrolled.checkKey, reportedDigest: enrolled.reportedDigest)
    }

    /// Checks a request's signature against the station's key. Its counter is not checked yet:
    /// see ``count(_:_:)``.
    public func verify(
        _ station: EnrolledStation, counter: Int64, signature: String, method: String, path: String, body: Data,
        pending: Int = 0, stationTime: Int64? = nil, protocolVersion: Int = SyncProtocol.version
    ) throws -> SignedRequest {
        guard
            RequestSignature.isValid(
                signature: signature, publicKey: station.publicKey, method: method, path: path, counter: counter, body: body)
        else { throw Self.notAuthenticated }
        return SignedRequest(
            peer: station.peer, stationID: station.id, publicKey: station.publicKey, counter: counter, pending: pending,
            stationTime: stationTime, protocolVersion: protocolVersion, reportedDigest: station.reportedDigest)
    }

    /// Takes a verified request's counter in the caller's write transaction, where neither it nor
    /// a revocation can change underneath, and notes the exchange: when, what the station still
    /// had to push, its clock's offset. A counter not above the last one taken is a replay.
    @discardableResult
    public func count(_ request: SignedRequest, _ transaction: any StoreTransaction) throws -> StationPeer {
        let stations = try transaction.stations
        guard let last = try stations.counter(of: request.stationID, publicKey: request.publicKey) else {
            throw Self.notAuthenticated
        }
        guard request.counter > last else {
            throw APIError(
                status: .conflict, code: "replayed_request", message: "请求已处理过（重放）",
                messageEN: "request counter \(request.counter) is not above \(last): replayed or reordered",
                field: RequestSignature.counterHeader)
        }
        let now = Date()
        // The station's clock is its own to get wrong, by years, but not by enough to overflow.
        let offset: Int64 =
            request.stationTime.flatMap { stationTime -> Int64? in
                let (difference, overflow) = Int64(now.timeIntervalSince1970 * 1000).subtractingReportingOverflow(stationTime)
                return overflow ? nil : difference
            } ?? 0
        try stations.noteExchange(
            of: request.stationID, counter: request.counter, at: now, pending: request.pending, clockOffsetMs: offset,
            protocolVersion: request.protocolVersion)
        return request.peer
    }

    /// Keeps the digest of what a station reported with a pull, when it changed (``IdleCheck``).
    func note(reports: [String: String], of request: SignedRequest) async throws {
        let digest = IdleCheck.digest(of: reports)
        if digest != request.reportedDigest { try await store.keepReportedDigest(digest, of: request.stationID) }
    }

    /// Agrees on the idle check's key with a station's half of an X25519 agreement, keeps it, and
    /// answers the county's half (``CheckKey``).
    func agreeCheckKey(with stationHalf: String, for stationID: String) async throws -> String? {
        guard let (key, countyHalf) = try? CheckKey.agree(with: stationHalf, station: stationID) else { return nil }
        try await store.keepCheckKey(key, of: stationID)
        return countyHalf
    }

    static var notAuthenticated: APIError {
        APIError(
            status: .unauthorized, code: "not_authenticated", message: "站点身份验证失败",
            messageEN: "the station is unknown, revoked, or the signature is wrong")
    }
}
