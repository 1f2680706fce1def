import ChinaLocale
public import Sync
import DomainCore

/// When a station first shows a notice on its screen: recorded once per notice and village, and
/// synced to the county, which sees for an urgent notice which villages have had it in front of
/// people and since when.
///
/// ```swift
/// try await NoticeScreenings(replica: station).markShown("DB-2026-27")
/// let shown = try await NoticeQueries(store: countyNotices).firstShown(of: "DB-2026-27")   // [village: time]
/// ```
public struct NoticeScreenings: Sendable {
    let replica: Replica

    public init(replica: Replica) {
        self.replica = replica
    }

    /// Records the first showing; later ones change nothing. `false` if the notice is unknown here.
    @discardableResult
    public func markShown(_ noticeID: String) async throws -> Bool {
        guard let village = replica.village else { throw DomainError.notEnrolled }
        return try await replica.writing { [replica] transaction in
            guard try transaction.notices.noticeExists(noticeID) else { return false }
            try replica.write(
                transaction, to: NoticesCollections.shown.name, id: "\(noticeID)@\(village)",
                fields: ["notice_id": .text(noticeID), "village_code": .text(village), "shown_at": .text(BeijingTime.timestamp())])
            return true
        }
    }
}
