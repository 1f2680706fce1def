import DomainCore
import Foundation
public import HTTPTypes
public import Hummingbird

/// A value answered as JSON with the API's conventions (``JSONCoding``).
///
/// ```swift
/// router.get("/healthz") { _, _ in JSONResponse(health) }
/// ```
public struct JSONResponse<Value: Encodable & Sendable>: ResponseGenerator, Sendable {
    public let value: Value
    public let status: HTTPResponse.Status

    public init(_ value: Value, status: HTTPResponse.Status = .ok) {
        self.value = value
        self.status = status
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = try JSONCoding.encoder.encode(value)
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        headers[.contentLength] = String(data.count)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
