/// A notice's status (效力状态), derived from its dates and the notices that act on it, never typed
/// by hand. The store derives it (``NoticeTransaction``), for lists, search and a single notice alike.
///
/// In order: 尚未生效 before its effective day; 已废止 once a notice superseding or repealing it is in
/// effect; 失效 after its expiry day; 已修改 once an amending notice is in effect; else 现行有效.
///
/// ```swift
/// let notices = try await NoticeQueries(store: store).list()   // each with its status
/// ```
public enum NoticeStatus: String, Codable, Sendable, CaseIterable {
    case notYetEffective = "尚未生效"
    case inForce = "现行有效"
    case amended = "已修改"
    case repealed = "已废止"
    case expired = "失效"

    /// The statuses a list shows unless asked for all: what is or will be in force.
    public static let listedByDefault: [NoticeStatus] = [.inForce, .amended, .notYetEffective]
}
