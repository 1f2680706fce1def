import Crypto
public import Foundation
public import Sync
import WebAPI
import HTTPTypes

/// The county's list of stations (站点登记): created by an administrator with a one-time code,
/// enrolled by the station with its public key, authenticated on every request after, revocable.
///
/// ```swift
/// let registry = StationRegistry(store: SQLiteStationStore(countyStore))
/// let (station, code) = try await registry.add(village: "441422107201", name: "侯南村信息站")
/// // the station runs: kiosk enroll --server https://… --code <code>
/// ```
public struct StationRegistry: Sendable {
    let store: any StationStore
    /// How long a one-time code may wait to be used.
    public static let codeLifetime: TimeInterval = 7 * 86_400

    public init(store: any StationStore) {
        self.store = store
    }

    /// A station as the county console shows it.
    public struct Station: Codable, Sendable, Equatable {
        public let id: String
        public let village: String
        public let name: String
        public let origin: String?
        public let enrolledAt: String?
        public let revokedAt: String?
        public let lastSyncAt: String?
        public let pending: Int
        public let clockOffsetMs: Int64
        /// The station's changes the county quarantined.
        public let quarantined: Int
        /// Conflicts of the station's village that no one has resolved.
        public let openConflicts: Int
        /// What is wrong with the station's own data, as its last pull showed (its copy of the
        /// books no longer matches the county's), or `nil`.
        public let warning: String?
        /// The sync protocol of the station's last request (``SyncProtocol``), `nil` before its first:
        /// which stations still run a release the county will stop accepting.
        public let protocolVersion: Int?
        /// How many of the station's records its verifications found otherwise than the county's
        /// and mended (``Reconciliation``), and when last: a station whose store is being damaged.
        public var mended: Int = 0
        public var lastMendedAt: String?

        public init(
            id: String, village: String, name: String, origin: String?, enrolledAt: String?, revokedAt: String?,
            lastSyncAt: String?, pending: Int, clockOffsetMs: Int64, quarantined: Int, openConflicts: Int, warning: String?,
            protocolVersion: Int? = nil, mended: Int = 0, lastMendedAt: String? = nil
        ) {
            (self.mended, self.lastMendedAt) = (mended, lastMendedAt)
            (self.id, self.village, self.name, self.origin, self.enrolledAt) = (id, village, name, origin, enrolledAt)
            (self.revokedAt, self.lastSyncAt, self.pending, self.clockOffsetMs) = (revokedAt, lastSyncAt, pending, clockOffsetMs)
            (self.quarantined, self.openConflicts, self.warning, self.protocolVersion) = (quarantined, openConflicts, warning, protocolVersion)
        }
    }

    /// Counts the records a station's verification found otherwise than the county's.
    public func note(mended: Int, for stationID: String) async throws {
        guard mended > 0 else { return }
        try await store.noteMended(mended, of: stationID, at: Date())
    }

    /// Keeps what the domains found wrong with a station's data as it pulled; written only when it changes.
    public func note(warning: String?, for stationID: String) async throws {
        guard try await store.warning(of: stationID) != warning else { return }
        try await store.setWarning(warning, of: stationID)
    }

    /// Creates a station for a village and returns its one-time enrollment code; a village code that
    /// is not 12 digits, or a name not 1 to 50 characters, is refused with the field named.
    public func add(village: String, name: String) async throws -> (station: String, code: String) {
        guard village.count == 12, village.allSatisfy(\.isNumber) else {
            throw APIError.invalidField("village", message: "须为 12 位村代码", messageEN: "village must be a 12-digit village code")
        }
        let name = name.trimmingCharacters(in: .whitespaces)
        guard (1...50).contains(name.count) else {
            throw APIError.invalidField("name", message: "站名须为 1 至 50 个字", messageEN: "name must be 1 to 50 characters")
        }
        let code = Self.newCode()
        let id = "st-" + UUID().uuidString.prefix(8).lowercased()
        try await store.addStation(
            id: id, village: village, name: name, codeHash: Self.hash(code), codeExpiresAt: Date().addingTimeInterval(Self.codeLifetime))
        return (id, code)
    }

    /// Takes a station's key with its one-time code; the code cannot be used again. The county
    /// chooses the station's origin, one no replica has used in its log: a station that could name
    /// its own could speak as the county, or as another station.
    public func enroll(code: String, publicKey: Data) async throws -> Station {
        guard (try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey)) != nil else {
            throw APIError.invalidField(
                "public_key", message: "公钥格式不正确", messageEN: "public_key must be a base64 Ed25519 public key")
        }
        guard let station = try await store.enroll(codeHash: Self.hash(Self.normalize(code)), publicKey: publicKey, at: Date())
        else {
            throw APIError(
                status: .forbidden, code: "enrollment_refused", message: "注册码无效、已使用或已过期",
                messageEN: "the enrollment code is unknown, used or expired", field: "code")
        }
        return station
    }

    /// The short fingerprint of the county's key (``ChangeSignature/fingerprint``), which a station
    /// enrolling over plain HTTP must be given to compare with the key the county answers.
    public func countyFingerprint() throws -> String { try countySignature().fingerprint }

    /// Refuses every later request of a station.
    public func revoke(stationID: String) async throws {
        try await store.revoke(stationID: stationID, at: Date())
    }

    /// Every station, by village.
    public func stations() async throws -> [Station] {
        try await store.stations()
    }

    /// The county's signing key, made the first time it is needed.
    public func countySignature() throws -> ChangeSignature {
        let raw = try store.countyKey { Curve25519.Signing.PrivateKey().rawRepresentation }
        return ChangeSignature(signingKey: try Curve25519.Signing.PrivateKey(rawRepresentation: raw))
    }

    /// Ten characters from an alphabet without look-alikes (no 0/O, 1/I/L), in two groups.
    static func newCode() -> String {
        let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<10).map { _ in alphabet.randomElement(using: &generator)! }
        return String(characters[0..<5]) + "-" + String(characters[5..<10])
    }

    static func normalize(_ code: String) -> String {
        let plain = code.uppercased().filter { $0.isLetter || $0.isNumber }
        guard plain.count == 10 else { return plain }
        return String(plain.prefix(5)) + "-" + String(plain.suffix(5))
    }

    static func hash(_ code: String) -> String {
        SHA256.hash(data: Data(code.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
