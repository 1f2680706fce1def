import Crypto
import Foundation

/// The key of the idle check's codes: derived at both ends from an X25519 agreement, whose public
/// halves travel in a signed pull and its signed reply (so a relay learns neither the key nor can
/// put its own in), with the station's id as salt.
public enum CheckKey {
    /// The county's half: a new key of its own for the station's half, the key derived, and the
    /// county's public half to send back (base64).
    static func agree(with stationHalf: String, station: String) throws -> (key: Data, countyHalf: String) {
        guard let raw = Data(base64Encoded: stationHalf), let theirs = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: raw) else {
            throw CheckKeyError.notAKey
        }
        let ours = Curve25519.KeyAgreement.PrivateKey()
        let key = derive(try ours.sharedSecretFromKeyAgreement(with: theirs), station: station)
        return (key, ours.publicKey.rawRepresentation.base64EncodedString())
    }

    /// The station's side, once the county's half came back.
    static func derive(_ ours: Curve25519.KeyAgreement.PrivateKey, countyHalf: String, station: String) throws -> Data {
        guard let raw = Data(base64Encoded: countyHalf), let theirs = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: raw) else {
            throw CheckKeyError.notAKey
        }
        return derive(try ours.sharedSecretFromKeyAgreement(with: theirs), station: station)
    }

    static func derive(_ secret: SharedSecret, station: String) -> Data {
        secret.hkdfDerivedSymmetricKey(
            using: SHA256.self, salt: Data(station.utf8), sharedInfo: Data("village-sync idle check".utf8), outputByteCount: 32
        ).withUnsafeBytes { Data($0) }
    }

    enum CheckKeyError: Error { case notAKey }
}
