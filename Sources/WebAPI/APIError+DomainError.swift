public import DomainCore
import HTTPTypes

/// The one place a domain's refusal becomes an HTTP answer: each kind of ``DomainError`` has its
/// status, and the code, messages and field pass through unchanged.
extension APIError {
    public init(_ error: DomainError) {
        let status: HTTPResponse.Status =
            switch error.kind {
            case .invalid: .unprocessableContent
            case .notFound: .notFound
            case .conflict: .conflict
            case .forbidden: .forbidden
            }
        self.init(status: status, code: error.code, message: error.message, messageEN: error.messageEN, field: error.field)
    }
}

extension DomainError: APIErrorConvertible {
    public var apiError: APIError { APIError(self) }
}
