import DomainCore
import Foundation
import HTTPTypes
import Hummingbird
import Sync
import WebAPI

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

    public init(code: String, publicKey: String) {
        self.code = code
        self.publicKey = publicKey
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
    /// The origin the county chose for the station: every change it makes carries it.
    public let origin: String

    enum CodingKeys: String, CodingKey {
        case stationID = "stationId"
        case village, countyPublicKey, countyOrigin, signatureScheme, protocolVersion, origin
    }
}

/// The enrollment answer, signed by the county's key over its bytes and the one-time code it
/// answers: a station that was given the key's fingerprint knows the key, and every other field,
/// came from the county and not from a relay.
struct SignedEnrollment: ResponseGenerator, Sendable {
    let data: Data
    let signature: String

    init(_ reply: EnrollReply, code: String, county: Replica) throws {
        data = try JSONCoding.encoder.encode(reply)
        guard let key = county.signature else { throw SyncError.notWritableHere("the county has no signing key") }
        signature = try ReplySignature.sign(data, path: "/sync/v1/enroll", station: code, counter: 0, with: key)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        headers[HTTPField.Name(ReplySignature.header)!] = signature
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension SyncWire {
    static func acceptsDeflate(_ request: Request) -> Bool {
        request.headers[HTTPField.Name(acceptHeader)!]?.contains(Deflate.name) == true
    }
}
