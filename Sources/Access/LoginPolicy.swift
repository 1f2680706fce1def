public import Foundation

/// How a program's logins behave: what a secret must look like, how long an idle session lasts,
/// and how many wrong tries lock an account for how long.
///
/// ```swift
/// let station = LoginPolicy.station   // 6–12 digit PINs, logged out after 2 idle minutes
/// ```
public struct LoginPolicy: Sendable {
    /// What a secret must be.
    public enum SecretRule: Sendable {
        /// Digits only, 6 to 12 of them: typed on the kiosk's keypad.
        case pin
        /// At least 10 characters: typed at the county's console.
        case password
    }

    public var secretRule: SecretRule
    /// A session not used for this long is over: the kiosk's two minutes without a touch.
    public var idleTimeout: TimeInterval
    /// A session ends this long after login, used or not.
    public var maximumAge: TimeInterval
    /// Wrong secrets in a row that lock the account.
    public var failuresBeforeLock: Int
    /// How long a locked account stays locked.
    public var lockDuration: TimeInterval

    public init(
        secretRule: SecretRule, idleTimeout: TimeInterval, maximumAge: TimeInterval = 12 * 3600,
        failuresBeforeLock: Int = 5, lockDuration: TimeInterval = 15 * 60
    ) {
        self.secretRule = secretRule
        self.idleTimeout = idleTimeout
        self.maximumAge = maximumAge
        self.failuresBeforeLock = failuresBeforeLock
        self.lockDuration = lockDuration
    }

    /// The station: PINs, two idle minutes (REFERENCE §6).
    public static let station = LoginPolicy(secretRule: .pin, idleTimeout: 120)
    /// The county console: passwords, thirty idle minutes.
    public static let county = LoginPolicy(secretRule: .password, idleTimeout: 30 * 60)

    /// Checks a new secret against the rule; the error names the field and the rule.
    public func check(secret: String) throws(AccountError) {
        switch secretRule {
        case .pin:
            guard (6...12).contains(secret.count), secret.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw .weakSecret("PIN 须为 6 至 12 位数字", "a PIN must be 6 to 12 digits")
            }
            guard Set(secret).count > 1, !"0123456789012345".contains(secret), !"9876543210987654".contains(secret) else {
                throw .weakSecret("PIN 不能是同一数字或连续数字", "a PIN may not repeat one digit or count up or down")
            }
        case .password:
            guard secret.count >= 10 else { throw .weakSecret("密码至少 10 个字符", "a password must be at least 10 characters") }
        }
    }
}
