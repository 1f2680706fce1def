import Crypto
public import Foundation
public import Sync

/// A sync exchange carried on a USB stick (U盘同步包) for a village whose link is down for weeks: a
/// signed file that does what a round's pushes or pulls would have done over the network.
///
/// A station's bundle (``Kind/station``) holds its pending changes, as the pushes it would send,
/// and how far it holds the county's log; the station signs it with its enrollment key. The
/// county's bundle (``Kind/county``) holds the county's log in the station's scope after a
/// position, as the pulls it would answer, and, when it answers a station's bundle, the
/// acknowledgement of its changes; the county signs it with its key. Each side verifies the other's
/// signature with the key the enrollment exchanged before taking anything, and applies it as it
/// applies a round: idempotently, so importing a bundle twice changes nothing.
///
/// ```swift
/// let outgoing = try await SyncBundle.export(from: link)               // kiosk bundle export
/// let answer = try await outgoing.receive(at: county, registry: registry)  // syncserver bundle import
/// let report = try await answer.bundle.apply(at: link)                 // kiosk bundle import
/// ```
public struct SyncBundle: Codable, Sendable, Equatable {
    /// Which side wrote a bundle.
    public enum Kind: String, Codable, Sendable {
        /// A station's pending changes, for the county.
        case station
        /// The county's changes for one station, with the acknowledgement of its bundle if it answers one.
        case county
    }

    /// What a bundle file says it is, so that another file is refused by name.
    public static let formatName = "village-sync-bundle"
    /// The version of the file's layout; the sync messages inside it carry the protocol's.
    public static let formatVersion = 1

    public let format: String
    public let version: Int
    public let kind: Kind
    /// The station the bundle is from or for (its id in the county's registry).
    public let station: String
    /// When it was written (ISO 8601, with its zone).
    public let createdAt: String
    /// The sync protocol of the messages it holds.
    public let protocolVersion: Int
    /// The epoch of the county's log its positions count in: the station's view of it in a
    /// station's bundle, the county's own in the county's.
    public let epoch: String
    /// A station's bundle: how far the station holds the county's log. A county's: the position
    /// its pulls start after.
    public let position: Int64
    /// A station's changes, each part a push as it would travel, deflated.
    public let pushes: [Data]
    /// The county's acknowledgement of a station's bundle (a push's reply), deflated.
    public let acknowledgement: Data?
    /// The county's changes for the station, each part a pull's reply as it would travel, deflated.
    public let pulls: [Data]
    /// For a new station: its scope as the county held it, each part a snapshot's page as it would
    /// travel, deflated; the pulls go on from its position. Absent from a file of an older release.
    public let snapshot: [Data]?
    /// The writer's signature over ``signedBytes``: the station's key or the county's.
    public var signature: String

    init(
        kind: Kind, station: String, createdAt: Date, epoch: String, position: Int64, pushes: [Data] = [],
        acknowledgement: Data? = nil, pulls: [Data] = [], snapshot: [Data]? = nil
    ) {
        self.snapshot = snapshot
        (format, version, self.kind, self.station) = (Self.formatName, Self.formatVersion, kind, station)
        self.createdAt = createdAt.formatted(.iso8601)
        (protocolVersion, self.epoch, self.position) = (SyncProtocol.version, epoch, position)
        (self.pushes, self.acknowledgement, self.pulls, signature) = (pushes, acknowledgement, pulls, "")
    }

    /// The bytes signed: every field but the signature, each part by its SHA-256, so that no byte
    /// of the file can change without the signature failing.
    var signedBytes: Data {
        func digest(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }
        var text = "\(format)/\(version)\n\(kind.rawValue)\n\(station)\n\(createdAt)\n\(protocolVersion)\n\(epoch)\n\(position)\n"
        for push in pushes { text += "push \(digest(push))\n" }
        if let acknowledgement { text += "acknowledgement \(digest(acknowledgement))\n" }
        for page in snapshot ?? [] { text += "snapshot \(digest(page))\n" }
        for pull in pulls { text += "pull \(digest(pull))\n" }
        return Data(text.utf8)
    }

    // MARK: Files

    /// The largest bundle file read: a year of a county's bulletins is tens of megabytes.
    public static let largestFile = 256 << 20
    /// The most a county's part may inflate to: a pull's reply is bounded in bytes by the county.
    static let largestPart = 16 << 20

    /// Writes the bundle whole or not at all: a stick pulled out mid-write leaves no half file under the name.
    public func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        try encoder.encode(self).write(to: url, options: .atomic)
    }

    /// Reads a bundle file, refusing one too large, of another format or of a later version.
    public static func read(from url: URL) throws -> SyncBundle {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int else {
            throw Refusal.unreadable(url.path)
        }
        guard size <= largestFile else { throw Refusal.tooLarge(bytes: size) }
        let data = try Data(contentsOf: url)
        struct Header: Decodable {
            let format: String
            let version: Int
        }
        guard let header = try? JSONDecoder().decode(Header.self, from: data), header.format == formatName else {
            throw Refusal.notABundle
        }
        guard header.version <= formatVersion else { throw Refusal.laterVersion(header.version) }
        guard let bundle = try? JSONDecoder().decode(SyncBundle.self, from: data) else { throw Refusal.notABundle }
        return bundle
    }

    /// A part inflated within its bound and read as the message it carries.
    static func message<Message: SyncWireMessage>(_ type: Message.Type, in part: Data, limit: Int = largestPart) throws -> Message {
        do {
            return try Message(wireJSON: try Deflate.decompress(part, limit: limit))
        } catch {
            throw Refusal.damaged("a part is not a valid \(Message.self)")
        }
    }

    static func part(_ json: Data) throws -> Data { try Deflate.compress(json) }
}
