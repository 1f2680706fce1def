import Foundation
import HTTPTypes
import Hummingbird
import Sync

/// The HTTP side of the sync wire: its headers. The messages' JSON is theirs
/// (``Sync/SyncWireMessage``).
///
/// ```swift
/// request.setValue(String(SyncProtocol.version), forHTTPHeaderField: SyncWire.protocolHeader)
/// ```
public enum SyncWire {
    /// The header a station sends its protocol version in.
    public static let protocolHeader = "X-Sync-Protocol"
    /// A station's request header saying it takes deflated replies.
    public static let acceptHeader = "X-Sync-Accept-Encoding"
    /// The reply header saying the body is deflated. Not `Content-Encoding`, which an HTTP client
    /// may or may not undo by itself: this one the station always undoes itself.
    public static let encodingHeader = "X-Sync-Encoding"
}

/// A station's enrollment request: the one-time code and the key it will sign with.
public struct EnrollRequest: Codable, Sendable {
    public let code: String
    /// Base64 of the station's Ed25519 public key.
    public let publicKey: String
    /// The station's replica id, the origin of every change it makes.
    public let origin: String

    public init(code: String, publicKey: String, origin: String) {
        self.code = code
        self.publicKey = publicKey
        self.origin = origin
    }
}

/// What an enrolled station needs to know of the county.
public struct EnrollReply: Codable, Sendable {
    public let stationID: String
    public let village: String
    /// Base64 of the county's Ed25519 public key, which county-owned records are signed with.
    public let countyPublicKey: String
    public let countyOrigin: String
    public let signatureScheme: String
    public let protocolVersion: Int

    enum CodingKeys: String, CodingKey {
        case stationID = "stationId"
        case village, countyPublicKey, countyOrigin, signatureScheme, protocolVersion
    }
}

extension SyncWire {
    static func acceptsDeflate(_ request: Request) -> Bool {
        request.headers[HTTPField.Name(acceptHeader)!]?.contains(Deflate.name) == true
    }
}
