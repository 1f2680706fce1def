/// What a logged-in person may do. A villager at the screen needs no account; everyone else logs in
/// with a PIN (at the station) or a password (at the county console), and an account holds one role
/// or several.
///
/// ```swift
/// router.restricted(to: [.operator]).post("prices/observations") { … }
/// ```
public enum StaffRole: String, Codable, Sendable, CaseIterable, Comparable {
    /// The station's operator (信息员): records prices, lots and events, issues certificates,
    /// watches the station's sync and resolves its conflicts.
    case `operator`
    /// The village's bookkeeper (报账员): prepares and submits vouchers, opens sub-accounts.
    case bookkeeper
    /// Who checks the books (审核, the township's 代理记账 agency): reviews, posts, reverses and
    /// closes, publishes disclosures.
    case reviewer
    /// The county's administrator (县级管理员): stations, publishing, conflicts, the console.
    case admin

    /// The role's name as people read it.
    public var chineseName: String {
        switch self {
        case .operator: "信息员"
        case .bookkeeper: "报账员"
        case .reviewer: "审核员"
        case .admin: "县级管理员"
        }
    }

    public static func < (lhs: StaffRole, rhs: StaffRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

extension Set where Element == StaffRole {
    /// Anyone who has logged in, whatever their role.
    public static var anyStaff: Set<StaffRole> { Set(StaffRole.allCases) }
}
