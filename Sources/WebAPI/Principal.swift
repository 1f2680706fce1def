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
    /// The division (行政区划) a staff member of a hub answers for, by its code: a province's 2
    /// digits, a city's 4, a county's 6; `""` for the hub's whole area (and at a station, where
    /// there is only its village).
    public let division: String

    public init(login: String, name: String, roles: Set<StaffRole>, division: String = "") {
        self.login = login
        self.name = name
        self.roles = roles
        self.division = division
    }

    /// Whether the account holds any of the roles.
    public func holds(any roles: Set<StaffRole>) -> Bool { !self.roles.isDisjoint(with: roles) }

    /// Whether a village or a division, by its code, lies within the account's division.
    public func covers(_ code: String) -> Bool { code.hasPrefix(division) }
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

    /// Refuses a request about a village or division outside the logged-in person's division: a
    /// county's administrator acts on that county's villages only. A request without a session
    /// (the public pages) is not limited here.
    public func requireDivision(covering code: String, field: String = "village") throws {
        guard let person = principal, !person.covers(code) else { return }
        let (named, namedEN) = code.isEmpty ? ("全辖区", "the hub's whole area") : (code, code)
        throw APIError(
            status: .forbidden, code: "outside_division", message: "\(named) 不在本账号所辖区划 \(person.division) 之内",
            messageEN: "\(field) \(namedEN) is outside the account's division \(person.division)", field: field)
    }

    /// Whether the logged-in person may see a village's or division's records: everyone may, but
    /// the staff of a division only their division's.
    public func sees(_ code: String) -> Bool { principal?.covers(code) ?? true }
}
