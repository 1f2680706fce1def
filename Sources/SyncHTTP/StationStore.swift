public import Foundation
import Sync
public import StoreInterface

/// Where the county keeps its stations and its signing key (站点登记), as ``StationRegistry``
/// reads and writes them. The SQLite store (`SyncHTTPSQLite`) implements it; the registry keeps
/// the rules (codes, their hashes and lifetime, which requests are replays).
///
/// ```swift
/// let registry = StationRegistry(store: SQLiteStationStore(store))
/// ```
public protocol StationStore: Sendable {
    /// Keeps a new station waiting for its enrollment under a one-time code (its hash).
    func addStation(id: String, village: String, name: String, codeHash: String, codeExpiresAt: Date) async throws
    /// Takes a station's key with a one-time code (its hash) not yet used, expired or revoked, and
    /// gives it an origin no replica has used in its log and no station holds; the code cannot be
    /// used again. `nil`: no such code.
    func enroll(codeHash: String, publicKey: Data, at: Date) async throws -> StationRegistry.Station?
    /// Marks a station revoked, if it is not already.
    func revoke(stationID: String, at: Date) async throws
    /// Every station, by village, with what the county holds of it.
    func stations() async throws -> [StationRegistry.Station]
    /// What the domains last found wrong with a station's data.
    func warning(of stationID: String) async throws -> String?
    func setWarning(_ warning: String?, of stationID: String) async throws
    /// Adds to the count of a station's records its verifications mended, and notes when.
    func noteMended(_ count: Int, of stationID: String, at: Date) async throws
    /// The county's private signing key; `make` makes one the first time, which is then kept.
    func countyKey(orKeep make: () -> Data) throws -> Data
    /// An enrolled, unrevoked station's keys, origin and village.
    func enrolledStation(_ stationID: String) async throws -> StoredStation?
    /// Keeps the key a station and the county agreed on for the idle check (``CheckKey``).
    func keepCheckKey(_ key: Data, of stationID: String) async throws
    /// Keeps the digest of what a station reported of its own data with its last pull (``IdleCheck``).
    func keepReportedDigest(_ digest: Data, of stationID: String) async throws
    /// Runs `body` in a write transaction shared with the requests waiting beside it (one commit
    /// for many): for a pull's counter, which needs no transaction of its own.
    func writingGrouped<Answer: Sendable>(_ body: @Sendable @escaping (any StoreTransaction) throws -> Answer) async throws -> Answer
}

/// An enrolled station as the county's store keeps it.
public struct StoredStation: Sendable {
    public let publicKey: Data
    public let origin: String
    public let village: String
    /// The key of the idle check's authentication codes, once agreed (protocol 2).
    public let checkKey: Data?
    /// The digest of what the station reported of its own data with its last pull.
    public let reportedDigest: Data?

    public init(publicKey: Data, origin: String, village: String, checkKey: Data?, reportedDigest: Data?) {
        (self.publicKey, self.origin, self.village) = (publicKey, origin, village)
        (self.checkKey, self.reportedDigest) = (checkKey, reportedDigest)
    }
}

/// What the registry reads and writes inside the transaction that takes a request's counter:
/// a push's, so that the counter and the changes it carries commit together.
public protocol StationTransaction: StoreTransaction {
    /// The last counter taken from the station with this key; `nil` if it is unknown or revoked.
    func counter(of stationID: String, publicKey: Data) throws -> Int64?
    /// Notes an exchange: its counter, when, what the station still had to push, its clock's offset,
    /// the sync protocol it spoke.
    func noteExchange(of stationID: String, counter: Int64, at: Date, pending: Int, clockOffsetMs: Int64, protocolVersion: Int) throws
}

extension StoreTransaction {
    /// The transaction as the station registry reads and writes in it.
    public var stations: any StationTransaction {
        get throws { try self.as((any StationTransaction).self) }
    }
}

/// Where a station keeps its enrollment (注册): the county's address and key, its own key, the
/// counter of its signed requests. The SQLite store (`SyncHTTPSQLite`) implements it.
public protocol EnrollmentStore: Sendable {
    /// The enrollment held, if any.
    func enrollment() async throws -> StoredEnrollment?
    /// Keeps an enrollment in place of any other, with its counter at 0; what the store captured
    /// under another origin is handed over to the enrollment's origin first.
    func keep(_ enrollment: StoredEnrollment) async throws
    /// The next request counter, kept before the request leaves so it is never used twice.
    func nextCounter() async throws -> Int64
    /// Keeps the key agreed with the county for the idle check (``CheckKey``), or forgets it (`nil`)
    /// when the county no longer knows it.
    func keepCheckKey(_ key: Data?) async throws
}

/// An enrollment as a station's store keeps it.
public struct StoredEnrollment: Sendable {
    public let serverURL: String
    public let stationID: String
    public let village: String
    public let privateKey: Data
    public let countyPublicKey: Data
    public let countyOrigin: String
    /// The origin the county chose (for an enrollment older than that choice, the store's replica id).
    public let origin: String
    /// The key agreed with the county for the idle check, once agreed.
    public let checkKey: Data?

    public init(
        serverURL: String, stationID: String, village: String, privateKey: Data, countyPublicKey: Data, countyOrigin: String,
        origin: String, checkKey: Data? = nil
    ) {
        (self.serverURL, self.stationID, self.village, self.privateKey) = (serverURL, stationID, village, privateKey)
        (self.countyPublicKey, self.countyOrigin, self.origin, self.checkKey) = (countyPublicKey, countyOrigin, origin, checkKey)
    }
}
