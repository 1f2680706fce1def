import Crypto
import Foundation
import GRDB
import Storage
import Sync

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

    /// The enrollment stored in a station's store, if it has one.
    public static func load(from store: Store) async throws -> StationEnrollment? {
        try await store.pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM sync_enrollment WHERE id = 1") else { return nil }
            return StationEnrollment(
                serverURL: URL(string: row["server_url"])!, stationID: row["station_id"], village: row["village"],
                privateKey: try Curve25519.Signing.PrivateKey(rawRepresentation: row["private_key"] as Data),
                countyKey: ChangeSignature(
                    verifyingKey: try Curve25519.Signing.PublicKey(rawRepresentation: row["county_public_key"] as Data)),
                countyOrigin: row["county_origin"])
        }
    }

    /// Makes a key pair, registers it with the county under a one-time code, and stores the result.
    public static func enroll(store: Store, server: URL, code: String) async throws -> StationEnrollment {
        let key = Curve25519.Signing.PrivateKey()
        let request = EnrollRequest(
            code: code, publicKey: key.publicKey.rawRepresentation.base64EncodedString(), origin: store.info.replicaID)
        let reply: EnrollReply = try await HTTPSyncTransport.post(
            server.appendingPathComponent("sync/v1/enroll"), json: request)
        guard let countyKey = Data(base64Encoded: reply.countyPublicKey),
            let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: countyKey)
        else { throw SyncHTTPError.badReply("the county sent no valid public key") }
        try await store.pool.write { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO sync_enrollment(id, server_url, station_id, village, private_key,
                        county_public_key, county_origin, counter) VALUES (1, ?, ?, ?, ?, ?, ?, 0)
                    """,
                arguments: [
                    server.absoluteString, reply.stationID, reply.village, key.rawRepresentation, countyKey,
                    reply.countyOrigin,
                ])
        }
        return StationEnrollment(
            serverURL: server, stationID: reply.stationID, village: reply.village, privateKey: key,
            countyKey: ChangeSignature(verifyingKey: publicKey), countyOrigin: reply.countyOrigin)
    }

    /// The next request counter, stored before the request leaves so it is never used twice.
    func nextCounter(_ store: Store) async throws -> Int64 {
        try await store.pool.write { db in
            try db.execute(sql: "UPDATE sync_enrollment SET counter = counter + 1 WHERE id = 1")
            return try Int64.fetchOne(db, sql: "SELECT counter FROM sync_enrollment WHERE id = 1") ?? 1
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
