import Crypto
import DomainCore
public import Foundation
public import Sync
import WebAPI

/// What a station keeps of its enrollment (注册): the county's address and key, its village, its own
/// signing key, and the counter of its signed requests.
///
/// ```swift
/// let enrollment = try await StationEnrollment.load(from: SQLiteEnrollmentStore(store))   // nil before `kiosk enroll`
/// ```
public struct StationEnrollment: Sendable {
    public let serverURL: URL
    public let stationID: String
    public let village: String
    let privateKey: Curve25519.Signing.PrivateKey
    public let countyKey: ChangeSignature
    public let countyOrigin: String
    /// The origin the county chose for this station (for an enrollment older than that choice,
    /// the store's replica id).
    public let origin: String

    /// The station's signature over bytes it vouches for (a bundle it exports), with its
    /// enrollment key: what the county checks against the key it holds for the station.
    public func sign(_ bytes: Data) throws -> String {
        try ChangeSignature(signingKey: privateKey).sign(bytes: bytes)
    }

    /// The enrollment stored in a station's store, if it has one.
    public static func load(from store: any EnrollmentStore) async throws -> StationEnrollment? {
        guard let stored = try await store.enrollment(), let server = URL(string: stored.serverURL) else { return nil }
        return StationEnrollment(
            serverURL: server, stationID: stored.stationID, village: stored.village,
            privateKey: try Curve25519.Signing.PrivateKey(rawRepresentation: stored.privateKey),
            countyKey: ChangeSignature(verifyingKey: try Curve25519.Signing.PublicKey(rawRepresentation: stored.countyPublicKey)),
            countyOrigin: stored.countyOrigin, origin: stored.origin)
    }

    /// Makes a key pair, registers it with the county under a one-time code, and stores the result.
    ///
    /// The county's key is pinned here, for good: over plain HTTP a relay could answer with a key of
    /// its own, so a plain-HTTP enrollment needs the key's `fingerprint` (printed by `syncserver
    /// station add`), which the answer must match; over HTTPS it is checked when given.
    public static func enroll(store: any EnrollmentStore, server: URL, code: String, fingerprint: String? = nil) async throws
        -> StationEnrollment
    {
        guard server.scheme == "https" || fingerprint != nil else { throw EnrollmentRefusal.plainHTTPWithoutFingerprint }
        let key = Curve25519.Signing.PrivateKey()
        let request = EnrollRequest(code: code, publicKey: key.publicKey.rawRepresentation.base64EncodedString())
        let answer = try await CountyClient.shared.post(
            server.appendingPathComponent("sync/v1/enroll"), headers: [("Content-Type", "application/json")],
            body: try JSONCoding.encoder.encode(request))
        try HTTPSyncTransport.check(answer)
        let reply = try JSONCoding.decoder.decode(EnrollReply.self, from: answer.body)
        guard let countyKey = Data(base64Encoded: reply.countyPublicKey),
            let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: countyKey)
        else { throw SyncHTTPError.badReply("the county sent no valid public key") }
        let county = ChangeSignature(verifyingKey: publicKey)
        if let fingerprint, Self.normalized(fingerprint) != county.fingerprint {
            throw EnrollmentRefusal.fingerprintMismatch(expected: fingerprint, answered: county.fingerprint)
        }
        guard
            ReplySignature.isValid(
                answer.header(ReplySignature.header), answer.body, path: "/sync/v1/enroll", station: code, counter: 0, key: county),
            !reply.origin.isEmpty
        else { throw SyncHTTPError.badReply("the enrollment answer is not signed by the county's key") }
        // The origin is the county's choice: what this store captured under another is handed over to it.
        try await store.keep(
            StoredEnrollment(
                serverURL: server.absoluteString, stationID: reply.stationID, village: reply.village,
                privateKey: key.rawRepresentation, countyPublicKey: countyKey, countyOrigin: reply.countyOrigin,
                origin: reply.origin))
        return StationEnrollment(
            serverURL: server, stationID: reply.stationID, village: reply.village, privateKey: key,
            countyKey: county, countyOrigin: reply.countyOrigin, origin: reply.origin)
    }

    /// A fingerprint as a person may type it: upper-cased, in groups of four.
    static func normalized(_ fingerprint: String) -> String {
        let plain = fingerprint.uppercased().filter(\.isHexDigit)
        return stride(from: 0, to: plain.count, by: 4).map { start in
            String(plain.dropFirst(start).prefix(4))
        }.joined(separator: "-")
    }

}

/// Why a station refuses to enroll: it could not know the key it would pin is the county's.
public enum EnrollmentRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case plainHTTPWithoutFingerprint
    case fingerprintMismatch(expected: String, answered: String)

    public var description: String {
        switch self {
        case .plainHTTPWithoutFingerprint:
            "over plain http:// a relay could answer with a key of its own: give --county-fingerprint as "
                + "`syncserver station add` printed it, or enroll with the county's https:// address"
        case .fingerprintMismatch(let expected, let answered):
            "the key that answered has fingerprint \(answered), not \(expected): this is not your county's server"
        }
    }
}

/// A sync exchange that failed in a way the operator should read.
public enum SyncHTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    case badReply(String)
    case refused(status: Int, code: String, message: String)
    /// The exchange failed on the way: the link was cut, went silent, or led nowhere.
    case linkFailed(LinkFailure, detail: String)

    public var description: String {
        switch self {
        case .badReply(let text): "the county's reply is not understood: \(text)"
        case .refused(let status, let code, let message): "the county refused (\(status) \(code)): \(message)"
        case .linkFailed(.cut, let detail): "the link was cut mid-exchange (\(detail))"
        case .linkFailed(.timedOut, let detail): "the county's answer timed out (\(detail))"
        case .linkFailed(.unreachable, let detail): "the county cannot be reached (\(detail))"
        }
    }
}
