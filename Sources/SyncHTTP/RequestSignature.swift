public import Crypto
public import Foundation

/// How a station proves each sync request is its own and new: an Ed25519 signature over the method,
/// the path, a counter that only grows, and the body's SHA-256.
///
/// A counter rather than a time stamp, because a kiosk's clock can be years off: the county keeps
/// each station's highest counter and refuses any request at or below it, so a captured request
/// cannot be replayed, and a reordered one is refused too.
///
/// ```swift
/// let headers = RequestSignature.headers(stationID: id, counter: 42, method: "POST",
///                                        path: "/sync/v1/push", body: body, key: privateKey)
/// ```
public enum RequestSignature {
    public static let stationHeader = "X-Station-Id"
    public static let counterHeader = "X-Request-Counter"
    public static let signatureHeader = "X-Signature"
    public static let stationTimeHeader = "X-Station-Time"
    public static let pendingHeader = "X-Pending"

    /// The bytes signed for one request.
    public static func message(method: String, path: String, counter: Int64, body: Data) -> Data {
        let digest = SHA256.hash(data: body).map { String(format: "%02x", $0) }.joined()
        return Data("\(method)\n\(path)\n\(counter)\n\(digest)".utf8)
    }

    /// The headers a station adds to a request.
    public static func headers(
        stationID: String, counter: Int64, method: String, path: String, body: Data,
        key: Curve25519.Signing.PrivateKey
    ) throws -> [String: String] {
        let signature = try key.signature(for: message(method: method, path: path, counter: counter, body: body))
        return [
            stationHeader: stationID, counterHeader: String(counter),
            signatureHeader: signature.base64EncodedString(),
        ]
    }

    /// Whether a signature over a request is valid for a station's public key.
    public static func isValid(
        signature: String, publicKey: Data, method: String, path: String, counter: Int64, body: Data
    ) -> Bool {
        guard let signatureBytes = Data(base64Encoded: signature),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey)
        else { return false }
        return key.isValidSignature(signatureBytes, for: message(method: method, path: path, counter: counter, body: body))
    }
}
