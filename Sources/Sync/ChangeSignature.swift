public import Crypto
public import Foundation

/// Signs county-owned changes at the county and verifies them at a station before they are stored,
/// so that a relay or a forged reply cannot plant a price bulletin or a notice (县级内容签名).
///
/// Ed25519 over the change's canonical JSON (every field but the signature, keys sorted). The
/// scheme is named so that an SM2-with-SM3 profile can stand beside it.
///
/// ```swift
/// let county = ChangeSignature(signingKey: Curve25519.Signing.PrivateKey())
/// let station = ChangeSignature(verifyingKey: county.publicKey)
/// let signed = try county.sign(change)
/// station.verifies(signed)   // true
/// ```
public struct ChangeSignature: Sendable {
    /// The scheme's name, as stations record it beside the county's key.
    public static let scheme = "ed25519"

    private let signingKey: Curve25519.Signing.PrivateKey?
    private let verifyingKey: Curve25519.Signing.PublicKey

    /// The county's side: signs and verifies.
    public init(signingKey: Curve25519.Signing.PrivateKey) {
        self.signingKey = signingKey
        self.verifyingKey = signingKey.publicKey
    }

    /// A station's side: verifies only.
    public init(verifyingKey: Curve25519.Signing.PublicKey) {
        self.signingKey = nil
        self.verifyingKey = verifyingKey
    }

    /// The verifying half alone, as a station holds it.
    public var verifier: ChangeSignature { ChangeSignature(verifyingKey: verifyingKey) }

    /// The public key stations verify with, as raw bytes.
    public var publicKey: Data { verifyingKey.rawRepresentation }

    /// The change with its signature set.
    public func sign(_ change: Change) throws -> Change {
        guard let signingKey else { throw SyncError.notWritableHere("only the county signs county-owned records") }
        var signed = change
        signed.signature = try signingKey.signature(for: Self.canonicalBytes(of: change)).base64EncodedString()
        return signed
    }

    /// Whether the change carries a valid signature of the county's key.
    public func verifies(_ change: Change) -> Bool {
        guard let text = change.signature, let signature = Data(base64Encoded: text),
            let bytes = try? Self.canonicalBytes(of: change)
        else { return false }
        return verifyingKey.isValidSignature(signature, for: bytes)
    }

    /// A signature of the county's key over any bytes (a sync reply, a chain head), base64.
    public func sign(bytes: Data) throws -> String {
        guard let signingKey else { throw SyncError.notWritableHere("only the county signs") }
        return try signingKey.signature(for: bytes).base64EncodedString()
    }

    /// Whether `signature` (base64) is the county key's over `bytes`.
    public func verifies(_ signature: String, over bytes: Data) -> Bool {
        guard let raw = Data(base64Encoded: signature) else { return false }
        return verifyingKey.isValidSignature(raw, for: bytes)
    }

    /// A short fingerprint of the county's public key for people to compare by eye: the first 8
    /// bytes of its SHA-256 in four groups of hex, such as `3F2A-91BC-0D4E-77A1`.
    public var fingerprint: String { Self.fingerprint(of: publicKey) }

    public static func fingerprint(of publicKey: Data) -> String {
        let hex = SHA256.hash(data: publicKey).prefix(8).map { String(format: "%02X", $0) }.joined()
        return stride(from: 0, to: 16, by: 4).map { start in
            String(hex[hex.index(hex.startIndex, offsetBy: start)..<hex.index(hex.startIndex, offsetBy: start + 4)])
        }.joined(separator: "-")
    }

    /// Every field but the signature, keys sorted, written by ``CompactJSON``: the same bytes at
    /// the county that signs and the station that verifies, and cheap for a large document.
    static func canonicalBytes(of change: Change) throws -> Data {
        let text =
            "{\"b\":" + CompactJSON.encode(change.bases) + ",\"c\":" + CompactJSON.quoted(change.collection)
            + ",\"f\":" + CompactJSON.encode(change.fields) + ",\"n\":" + String(change.sequence)
            + ",\"o\":" + CompactJSON.quoted(change.origin) + ",\"r\":" + CompactJSON.quoted(change.recordID)
            + ",\"s\":" + CompactJSON.quoted(change.scope) + ",\"t\":" + String(change.timestamp.rawValue) + "}"
        return Data(text.utf8)
    }
}
