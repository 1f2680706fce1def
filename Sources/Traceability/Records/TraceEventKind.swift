/// What a trace event records, after the business steps of GS1 EPCIS 2.0 (bizStep), with the
/// stage of the flow (种植 → 采收 → 收购 → 运输 → 市场) a person reads it under.
///
/// ```swift
/// TraceEventKind.harvesting.stage   // "采收"
/// ```
public enum TraceEventKind: String, Codable, Sendable, CaseIterable {
    /// Planting or commissioning the lot (种植, EPCIS `commissioning`).
    case planting
    /// A pesticide applied (施药): product, registration number, dose and safety interval.
    case pesticide
    /// A fertiliser applied (施肥).
    case fertilising
    case harvesting
    /// A test (检测): a self-test, a laboratory test or an official sampling (`inspecting`/`sampling`).
    case inspecting
    case packing
    /// Bought in from the previous link (收购, EPCIS `receiving`).
    case receiving
    case shipping
    case storing
    /// On sale at a market (上市, EPCIS `retail_selling`).
    case retailSelling = "retail_selling"
    /// Lots mixed or split: inputs become outputs (EPCIS TransformationEvent).
    case transforming
    /// A recall (召回) of the lot and of everything made from it.
    case recalling
    /// An error declaration: the event it names is withdrawn (EPCIS `errorDeclaration`).
    case retraction

    public var stage: String {
        switch self {
        case .planting, .pesticide, .fertilising: "种植"
        case .harvesting: "采收"
        case .inspecting: "检测"
        case .packing: "包装"
        case .receiving: "收购"
        case .shipping, .storing: "运输"
        case .retailSelling: "市场"
        case .transforming: "混批分批"
        case .recalling: "召回"
        case .retraction: "更正"
        }
    }

    /// Harvest and sale are what a pesticide's safety interval (安全间隔期) must have passed before.
    public var endsSafetyInterval: Bool {
        self == .harvesting || self == .shipping || self == .retailSelling
    }
}

/// How a product was tested (检测方式).
public enum TestKind: String, Codable, Sendable, CaseIterable {
    /// The producer's own rapid test (自检).
    case selfTest = "self"
    /// A laboratory's test (委托检测).
    case lab
    /// Official sampling by the supervising agency (监督抽检).
    case official

    public var label: String {
        switch self {
        case .selfTest: "自检"
        case .lab: "委托检测"
        case .official: "监督抽检"
        }
    }
}
