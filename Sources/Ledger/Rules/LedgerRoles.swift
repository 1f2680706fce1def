import DomainCore
import Foundation

/// The role checks of the books: each act needs its role, and some need the same person.
enum LedgerRoles {
    static func require(_ actor: LedgerActor, _ roles: LedgerActor.Role...) throws {
        guard !actor.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DomainError.invalidField("actor.name", message: "须写明经办人", messageEN: "actor.name is required")
        }
        guard roles.contains(actor.role) else {
            throw DomainError(
                kind: .forbidden, code: "wrong_role", message: "此操作需要\(roles.map(label).joined(separator: "或"))岗位",
                messageEN: "this needs the role \(roles.map(\.rawValue).joined(separator: " or "))", field: "actor.role")
        }
    }

    static func requireSame(_ actor: LedgerActor, _ name: String, _ message: String) throws {
        guard actor.name == name else {
            throw DomainError(kind: .forbidden, code: "not_preparer", message: message, messageEN: "only the preparer may do this", field: "actor.name")
        }
    }

    /// The village a side keeps books for: the station's own, or the one the county was given.
    static func village(_ village: String?) throws -> String {
        guard let village else {
            throw DomainError.invalidField("village_code", message: "须指明村集体", messageEN: "village_code is required at the county")
        }
        return village
    }

    static func label(_ role: LedgerActor.Role) -> String {
        switch role {
        case .preparer: "制单"
        case .reviewer: "审核"
        case .poster: "记账"
        case .supervisor: "监督"
        }
    }
}
