import Crypto
import DomainCore
public import Foundation
import GRDB
public import Storage
public import Sync
import WebAPI

/// What a station keeps of its enrollment (注册): the county's address and key, its village, its own
/// signing key, and the counter of its signed requests.
///
/// ```swift
/// let enrollment = try await StationEnrollment.load(from: store)   // nil before `kiosk enroll`
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

    /// The enrollment stored in a station's store, if it has one.
    public static func load(from store: Store) async throws -> StationEnrollment? {
        try await store.pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM sync_enrollment WHERE id = 1"),
                let server = URL(string: row["server_url"])
            else { return nil }
            return StationEnrollment(
                serverURL: server, stationID: row["station_id"], village: row["village"],
                privateKey: try Curve25519.Signing.PrivateKey(rawRepresentation: row["private_key"] as Data),
                countyKey: ChangeSignature(
                    verifyingKey: try Curve25519.Signing.PublicKey(rawRepresentation: row["county_public_key"] as Data)),
                countyOrigin: row["county_origin"], origin: row["origin"] ?? store.info.replicaID)
        }
    }

    /// Makes a key pair, registers it with the county under a one-time code, and stores the result.
    ///
    /// The county's key is pinned here, for good: over plain HTTP a relay could answer with a key of
    /// its own, so a plain-HTTP enrollment needs the key's `fingerprint` (printed by `syncserver
    /// station add`), which the answer must match; over HTTPS it is checked when given.
    public static func enroll(store: Store, server: URL, code: String, fingerprint: String? = nil) async throws
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
        try await store.pool.write { db in
            // The origin is the county's choice: what this store captured under another is handed over to it.
            let current = try StoreInfo.currentReplicaID(db)
            if current != reply.origin {
                _ = try Replica.handOver(db, from: current, to: reply.origin)
                try StoreInfo.setReplicaID(db, reply.origin)
            }
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO sync_enrollment(id, server_url, station_id, village, private_key,
                        county_public_key, county_origin, counter, origin) VALUES (1, ?, ?, ?, ?, ?, ?, 0, ?)
                    """,
                arguments: [
                    server.absoluteString, reply.stationID, reply.village, key.rawRepresentation, countyKey,
                    reply.countyOrigin, reply.origin,
                ])
        }
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

    /// The next request counter, stored before the request leaves so it is never used twice.
    func nextCounter(_ store: Store) async throws -> Int64 {
        try await store.pool.write { db in
            try db.execute(sql: "UPDATE sync_enrollment SET counter = counter + 1 WHERE id = 1")
            return try Int64.fetchOne(db, sql: "SELECT counter FROM sync_enrollment WHERE id = 1") ?? 1
        }
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
