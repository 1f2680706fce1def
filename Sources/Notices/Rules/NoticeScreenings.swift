import ChinaLocale
import GRDB
public import Storage
public import Sync
import DomainCore

/// When a station first shows a notice on its screen: recorded once per notice and village, and
/// synced to the county, which sees for an urgent notice which villages have had it in front of
/// people and since when.
///
/// ```swift
/// try await NoticeScreenings(replica: station).markShown("DB-2026-27")
/// let shown = try await NoticeScreenings.firstShown(of: "DB-2026-27", in: countyStore)   // [village: time]
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
        return try await replica.store.pool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM notice WHERE id = ?)", arguments: [noticeID]) == true
            else { return false }
            try replica.write(
                db, to: NoticesCollections.shown.name, id: "\(noticeID)@\(village)",
                fields: ["notice_id": .text(noticeID), "village_code": .text(village), "shown_at": .text(BeijingTime.timestamp())])
            return true
        }
    }

    /// Each village's first showing of a notice.
    public static func firstShown(of noticeID: String, in store: Storage.Store) async throws -> [String: String] {
        try await store.pool.read { db in
            var shown: [String: String] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT village_code, shown_at FROM notice_shown WHERE notice_id = ?", arguments: [noticeID])
            {
                shown[row["village_code"]] = row["shown_at"]
            }
            return shown
        }
    }
}
