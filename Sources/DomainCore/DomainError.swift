/// What a domain's rule refused, in the domain's words: which kind of refusal, a stable code, the
/// message in Chinese and English, and the field at fault. Domains throw it and know nothing of
/// HTTP; the web layer answers it in one place (`APIError.init(_:)` in `WebAPI`), where each kind
/// has its status.
///
/// ```swift
/// throw DomainError.invalidField("min_fen", message: "最低价必须大于 0", messageEN: "min_fen must be above 0")
/// throw DomainError(kind: .conflict, code: "wrong_state", message: "凭证已记账", messageEN: "the voucher is posted")
/// ```
public struct DomainError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why the request cannot be done, as the web layer needs to know it.
    public enum Kind: Sendable, Equatable {
        /// A value broke a rule (HTTP 422).
        case invalid
        /// The record named does not exist (404).
        case notFound
        /// The records are not in a state that allows it (409).
        case conflict
        /// The person or side may not do it (403).
        case forbidden
    }

    public var kind: Kind
    /// A stable, machine-readable code such as `invalid_field` or `wrong_state`.
    public var code: String
    /// The message in Chinese, shown to people.
    public var message: String
    /// The message in English.
    public var messageEN: String
    /// The field at fault (a JSON path such as `lines[2].amount_fen`), if one is.
    public var field: String?

    public init(kind: Kind, code: String, message: String, messageEN: String, field: String? = nil) {
        self.kind = kind
        self.code = code
        self.message = message
        self.messageEN = messageEN
        self.field = field
    }

    public var description: String { field.map { "\($0): \(messageEN)" } ?? messageEN }
}

extension DomainError {
    /// A field broke a rule, named.
    public static func invalidField(_ field: String, message: String, messageEN: String) -> DomainError {
        DomainError(kind: .invalid, code: "invalid_field", message: message, messageEN: messageEN, field: field)
    }

    /// A division's code (行政区划代码) that names none: 2, 4, 6, 9 or 12 digits, or empty for the
    /// hub's whole area.
    public static func notADivision(_ field: String) -> DomainError {
        .invalidField(
            field, message: "区划代码须为 2、4、6、9 或 12 位数字，留空为全辖区",
            messageEN: "\(field) must be a division's code of 2, 4, 6, 9 or 12 digits, or empty for the hub's whole area")
    }

    /// Nothing is known by this name.
    public static func notFound(_ what: String = "resource", field: String? = nil) -> DomainError {
        DomainError(kind: .notFound, code: "not_found", message: "未查到", messageEN: "\(what) not found", field: field)
    }

    /// A station that is not enrolled yet cannot do what needs its county.
    public static let notEnrolled = DomainError(
        kind: .conflict, code: "not_enrolled", message: "本站尚未注册到县级服务器",
        messageEN: "this station is not enrolled with a county server yet")
}
