import DomainCore
public import HTTPTypes
public import Hummingbird

/// An error answered to a client as JSON, in Chinese and English, naming the field at fault.
///
/// Every error either program answers has this body, whatever went wrong:
/// `{"error": "invalid_field", "message": "…", "message_en": "…", "field": "price.min"}`.
///
/// ```swift
/// throw APIError.invalidField("min_fen", message: "最低价必须大于 0", messageEN: "min_fen must be above 0")
/// ```
public struct APIError: Error, Sendable, Equatable, HTTPResponseError {
    /// The HTTP status answered.
    public var status: HTTPResponse.Status
    /// A stable, machine-readable code such as `not_found` or `invalid_field`.
    public var code: String
    /// The message in Chinese, shown to people.
    public var message: String
    /// The message in English.
    public var messageEN: String
    /// The request field at fault (a JSON path such as `lines[2].amount_fen`), if one is.
    public var field: String?

    public init(
        status: HTTPResponse.Status, code: String, message: String, messageEN: String, field: String? = nil
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.messageEN = messageEN
        self.field = field
    }

    /// The body every error response carries.
    public struct Body: Codable, Sendable, Equatable {
        public let error: String
        public let message: String
        public let messageEN: String
        public let field: String?

        enum CodingKeys: String, CodingKey {
            case error, message, field
            case messageEN = "message_en"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(error, forKey: .error)
            try container.encode(message, forKey: .message)
            try container.encode(messageEN, forKey: .messageEN)
            try container.encode(field, forKey: .field)  // always present, null when no field is at fault
        }
    }

    public var body: Body {
        Body(error: code, message: message, messageEN: messageEN, field: field)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try JSONResponse(body, status: status).response(from: request, context: context)
    }
}

extension APIError {
    /// A request field broke a rule: 422 with the field named.
    public static func invalidField(_ field: String, message: String, messageEN: String) -> APIError {
        APIError(DomainError.invalidField(field, message: message, messageEN: messageEN))
    }

    /// The body is not JSON of the expected shape: 400, with the field where decoding stopped.
    public static func malformedBody(field: String?, detail: String) -> APIError {
        APIError(
            status: .badRequest, code: "malformed_body",
            message: "请求内容格式不正确" + (field.map { "（字段 \($0)）" } ?? ""),
            messageEN: "the request body is not valid: \(detail)", field: field)
    }

    /// A station that is not enrolled yet cannot do what needs its county: 409.
    public static let notEnrolled = APIError(DomainError.notEnrolled)

    /// Nothing is at this address: 404.
    public static func notFound(_ what: String = "resource", field: String? = nil) -> APIError {
        APIError(DomainError.notFound(what, field: field))
    }

    /// The body is larger than the server accepts: 413.
    public static func bodyTooLarge(limit: Int) -> APIError {
        APIError(
            status: .contentTooLarge, code: "body_too_large",
            message: "请求内容太大（上限 \(limit) 字节）",
            messageEN: "the request body is larger than the limit of \(limit) bytes")
    }

    /// The disk is full: 507. Nothing of the request was written; the store is as it was.
    public static var storageFull: APIError {
        APIError(
            status: HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage"), code: "storage_full",
            message: "存储空间已满，本次内容未保存，请联系管理员清理磁盘",
            messageEN: "the disk is full: nothing of this request was saved; free some space and try again")
    }

    /// The server failed; the details go to the log under the request id, not to the client.
    public static func internalFailure(requestID: String) -> APIError {
        APIError(
            status: .internalServerError, code: "internal_error",
            message: "服务器内部错误，请稍后再试（请求编号 \(requestID)）",
            messageEN: "internal server error (request id \(requestID))")
    }
}
