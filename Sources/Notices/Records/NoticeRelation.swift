/// What a notice does to an earlier one. A notice that supersedes or repeals another ends it
/// (已废止) once in effect; one that amends it leaves it in force as amended (已修改).
///
/// ```swift
/// NoticeRelation(kind: .amends, target: "N-2025-012")
/// ```
public struct NoticeRelation: Codable, Sendable, Equatable, Hashable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case supersedes, amends, repeals, interprets
    }

    public let kind: Kind
    /// The id of the earlier notice.
    public let target: String

    public init(kind: Kind, target: String) {
        self.kind = kind
        self.target = target
    }
}
