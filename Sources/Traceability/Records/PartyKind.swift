/// Who a producer or a trading party is. Only a natural person's name and phone are personal
/// data, masked wherever they are shown to the public (``PersonalDataMask``).
///
/// ```swift
/// PartyKind.person.isNaturalPerson   // true
/// ```
public enum PartyKind: String, Codable, Sendable, CaseIterable {
    /// A farmer or another natural person (农户/个人).
    case person
    /// A family farm (家庭农场).
    case familyFarm = "family_farm"
    /// A farmers' cooperative (农民专业合作社).
    case cooperative
    /// A company (企业).
    case company
    /// A village collective economic organisation (村集体经济组织).
    case collective
    /// A wholesale or farmers' market (批发市场/农贸市场).
    case market
    /// A supervising agency (监管机构), such as the county's testing station.
    case agency

    public var isNaturalPerson: Bool { self == .person }

    public var label: String {
        switch self {
        case .person: "农户"
        case .familyFarm: "家庭农场"
        case .cooperative: "合作社"
        case .company: "企业"
        case .collective: "村集体"
        case .market: "市场"
        case .agency: "监管机构"
        }
    }
}
