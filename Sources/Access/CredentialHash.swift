import Crypto
import CryptoExtras
import Foundation

/// A PIN or password kept as a slow, salted hash (scrypt), never as itself.
///
/// The stored form names its parameters, so that they can be raised later without breaking the
/// hashes already kept: `scrypt$14$8$1$<salt>$<hash>` (log₂ N, r, p, then base64). A six-digit PIN
/// has only a million values, so its strength is the lockout; the hash's cost is what keeps a
/// stolen store from giving every PIN back in seconds.
///
/// ```swift
/// let kept = try CredentialHash.make(for: "246810")
/// try CredentialHash.matches("246810", kept)   // true
/// ```
public enum CredentialHash {
    /// log₂ of scrypt's N: 2¹⁴ rounds of 8 × 128 bytes, 16 MiB and tens of milliseconds a check.
    public static let costExponent = 14

    /// A new hash of the secret, with a salt of its own.
    public static func make(for secret: String, costExponent: Int = costExponent) throws -> String {
        var salt = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = generator.next() }
        let hash = try derive(secret, salt: salt, exponent: costExponent, r: 8, p: 1)
        return "scrypt$\(costExponent)$8$1$\(Data(salt).base64EncodedString())$\(hash.base64EncodedString())"
    }

    /// Whether the secret is the one the kept hash was made from; compared in constant time.
    public static func matches(_ secret: String, _ kept: String) throws -> Bool {
        let parts = kept.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "scrypt", let exponent = Int(parts[1]), let r = Int(parts[2]),
            let p = Int(parts[3]), (10...20).contains(exponent),
            let salt = Data(base64Encoded: String(parts[4])), let expected = Data(base64Encoded: String(parts[5]))
        else { throw CredentialHashError.unreadable }
        let actual = try derive(secret, salt: Array(salt), exponent: exponent, r: r, p: p)
        guard actual.count == expected.count else { return false }
        return zip(actual, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func derive(_ secret: String, salt: [UInt8], exponent: Int, r: Int, p: Int) throws -> Data {
        let key = try KDF.Scrypt.deriveKey(
            from: Array(secret.utf8), salt: salt, outputByteCount: 32, rounds: 1 << exponent, blockSize: r,
            parallelism: p)
        return key.withUnsafeBytes { Data($0) }
    }
}

/// A kept hash that is not of the form ``CredentialHash`` writes.
public enum CredentialHashError: Error, Equatable {
    case unreadable
}
