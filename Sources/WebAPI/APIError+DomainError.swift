public import DomainCore
import HTTPTypes

/// The one place a domain's refusal becomes an HTTP answer: each kind of ``DomainError`` has its
/// status, and the code and field pass through unchanged. A message that does not say which field
/// it is about (不能为空) is prefixed with the field's Chinese name (「标题」不能为空).
extension APIError {
    public init(_ error: DomainError) {
        let status: HTTPResponse.Status =
            switch error.kind {
            case .invalid: .unprocessableContent
            case .notFound: .notFound
            case .conflict: .conflict
            case .forbidden: .forbidden
            }
        var message = error.message
        if let field = error.field, case let label = FieldLabel.chinese(field), !label.isEmpty, !message.contains(label),
            label != field
        {
            message = "「\(label)」\(message)"
        }
        self.init(status: status, code: error.code, message: message, messageEN: error.messageEN, field: error.field)
    }
}

extension DomainError: APIErrorConvertible {
    public var apiError: APIError { APIError(self) }
}
