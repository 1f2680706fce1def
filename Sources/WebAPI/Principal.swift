import HTTPTypes
import Foundation
/// Who a request speaks for: the account behind its session. The name is what the records keep as
/// the actor (`recorded_by`, a voucher's preparer), so nobody can act under another's name.
///
/// ```swift
/// let person = try context.requirePrincipal()
/// try await PriceRecorder(replica: replica).record(price, by: person.name)
/// ```
public struct Principal: Sendable, Equatable {
    /// The account's login, unique in its program's store.
    public let login: String
    /// The person's name as records show it, such as 李站长.
    public let name: String
    public let roles: Set<StaffRole>

    public init(login: String, name: String, roles: Set<StaffRole>) {
        self.login = login
        self.name = name
        self.roles = roles
    }

    /// Whether the account holds any of the roles.
    public func holds(any roles: Set<StaffRole>) -> Bool { !self.roles.isDisjoint(with: roles) }
}

extension PrincipalRequestContext {
    /// The name a record keeps as its actor: the logged-in person's. A body may still name them, as
    /// clients did before logins; a different name is refused, so nobody records under another's.
    ///
    /// ```swift
    /// let by = try context.actorName(claimed: body.recordedBy, field: "recorded_by")
    /// ```
    public func actorName(claimed: String?, field: String) throws -> String {
        let person = try requirePrincipal()
        if let claimed, claimed.trimmingCharacters(in: .whitespaces) != person.name {
            throw APIError(
                status: .forbidden, code: "not_yourself", message: "只能以登录者本人（\(person.name)）的名义记录",
                messageEN: "\(field) must be the logged-in person, \(person.name)", field: field)
        }
        return person.name
    }
}
