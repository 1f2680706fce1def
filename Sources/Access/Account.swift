public import Foundation
public import WebAPI
import HTTPTypes

/// A person who logs in to this program: a station's operator or bookkeeper, or a county staff
/// member. The secret itself is never kept, only its ``CredentialHash``.
///
/// ```swift
/// let account = Account(login: "li", name: "李站长", roles: [.operator, .bookkeeper])
/// ```
public struct Account: Codable, Sendable, Equatable {
    public var login: String
    public var name: String
    public var roles: Set<StaffRole>
    /// Wrong secrets since the last good one.
    public var failures: Int
    /// Until when the account refuses every login, after too many wrong secrets.
    public var lockedUntil: Date?
    /// The division a hub's staff member answers for (``Principal/division``); `""`: all of it.
    public var division: String

    public init(
        login: String, name: String, roles: Set<StaffRole>, failures: Int = 0, lockedUntil: Date? = nil, division: String = ""
    ) {
        self.login = login
        self.name = name
        self.roles = roles
        self.failures = failures
        self.lockedUntil = lockedUntil
        self.division = division
    }

    /// The person a session of this account speaks for.
    public var principal: Principal { Principal(login: login, name: name, roles: roles, division: division) }

    /// Whether a division's code is one an account may answer for: empty (the hub's whole area),
    /// or the 2, 4, 6 or 9 digits of a province, a city, a county or a township.
    public static func isDivisionCode(_ code: String) -> Bool {
        [0, 2, 4, 6, 9].contains(code.count) && code.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Roles as a store keeps them: their names, comma-separated (unknown names are dropped).
    public static func roles(from text: String) -> Set<StaffRole> {
        Set(text.split(separator: ",").compactMap { StaffRole(rawValue: String($0)) })
    }

    /// Roles as a store keeps them, in a fixed order.
    public static func text(of roles: Set<StaffRole>) -> String {
        roles.sorted().map(\.rawValue).joined(separator: ",")
    }
}

/// Why an account could not be made or could not log in.
public enum AccountError: Error, Equatable, Sendable {
    /// The login or the secret is wrong; which one is not said.
    case badCredentials
    /// Too many wrong secrets: no login until then.
    case locked(until: Date)
    /// A new secret breaks the program's rule (Chinese, English).
    case weakSecret(String, String)
    /// A login or name breaks its rule (field, Chinese, English).
    case invalid(String, String, String)
    case unknownAccount(String)
}

extension AccountError {
    /// The JSON answer for the client.
    public func apiError(now: Date = Date()) -> APIError {
        switch self {
        case .badCredentials:
            APIError(
                status: .unauthorized, code: "bad_credentials", message: "账号或密码不对",
                messageEN: "the login or the secret is wrong", field: "secret")
        case .locked(let until):
            APIError(
                status: .tooManyRequests, code: "account_locked",
                message: "输错次数太多，账号已锁定，请 \(Self.minutes(until, now)) 分钟后再试",
                messageEN: "too many wrong secrets: the account is locked for \(Self.minutes(until, now)) more minutes",
                field: "login")
        case .weakSecret(let chinese, let english):
            .invalidField("secret", message: chinese, messageEN: english)
        case .invalid(let field, let chinese, let english):
            .invalidField(field, message: chinese, messageEN: english)
        case .unknownAccount(let login):
            .notFound("account \(login)", field: "login")
        }
    }

    private static func minutes(_ until: Date, _ now: Date) -> Int {
        max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
    }
}
