/// Who does something to the books and in which role (岗位). A preparer never reviews their own
/// voucher; only the side that posts for a village posts, and only a poster does.
///
/// ```swift
/// let clerk = LedgerActor(name: "李会计", role: .preparer)
/// ```
public struct LedgerActor: Codable, Sendable, Equatable {
    public enum Role: String, Codable, Sendable {
        /// The village's bookkeeper (报账员), who prepares vouchers.
        case preparer
        /// Who checks a voucher before it is posted (审核).
        case reviewer
        /// The agency that keeps the books (代理记账), who numbers and posts them.
        case poster
        /// Who publishes disclosures and closes months (村务公开/结账).
        case supervisor
    }

    public var name: String
    public var role: Role

    public init(name: String, role: Role) {
        self.name = name
        self.role = role
    }
}
