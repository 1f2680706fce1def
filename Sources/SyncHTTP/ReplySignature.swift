import Crypto
public import Foundation
public import Sync

/// How the county proves each sync reply is its own and answers the request it was sent for: an
/// Ed25519 signature of the county's key over the reply's bytes and the request's station, counter
/// and path. A relay on a plain-HTTP link can read a reply but not change a byte of it, nor hand
/// the station an old reply to a new request: the station checks the signature with the county key
/// its enrollment pinned, and takes nothing from a reply that fails.
///
/// ```swift
/// let signature = try ReplySignature.sign(body, path: "/sync/v1/pull", station: id, counter: 42, with: county)
/// ReplySignature.isValid(signature, body, path: "/sync/v1/pull", station: id, counter: 42, key: countyKey)
/// ```
public enum ReplySignature {
    /// The reply header that carries the signature.
    public static let header = "X-Sync-Reply-Signature"

    /// The bytes signed for one reply.
    static func message(_ body: Data, path: String, station: String, counter: Int64) -> Data {
        let digest = SHA256.hash(data: body).map { String(format: "%02x", $0) }.joined()
        return Data("reply\n\(path)\n\(station)\n\(counter)\n\(digest)".utf8)
    }

    public static func sign(_ body: Data, path: String, station: String, counter: Int64, with county: ChangeSignature) throws
        -> String
    {
        try county.sign(bytes: message(body, path: path, station: station, counter: counter))
    }

    public static func isValid(
        _ signature: String?, _ body: Data, path: String, station: String, counter: Int64, key: ChangeSignature
    ) -> Bool {
        guard let signature else { return false }
        return key.verifies(signature, over: message(body, path: path, station: station, counter: counter))
    }
}
