public import Sync

/// What the notices module hands to the sync layer: notices are the county's, published for the
/// hub's whole area or one division beneath it (``Notice/division``) and signed, each notice one
/// document with one signature, its files with it; an urgent one travels ahead of the log.
/// When a station first shows a notice on screen is a fact of its village, for the county.
///
/// ```swift
/// let replica = try Replica(store: store, role: .county, collections: NoticesCollections.all)
/// ```
public enum NoticesCollections {
    public static let notice = SyncCollection(
        name: "notices.notice", table: "notice", columns: Notice.CodingKeys.self,
        scope: .division(column: "division"), policy: .countyAuthoritative, urgentField: "urgent",
        arrival: NoticesArrivals.notice)

    public static let shown = SyncCollection(
        name: "notices.shown", table: "notice_shown", fields: ["notice_id", "village_code", "shown_at"],
        scope: .village(column: "village_code"), policy: .appendOnly,
        rules: [
            ChangeRule.idMadeOfFields("notices.shown.id") { change in
                "\(try change.text("notice_id") ?? "")@\(try change.text("village_code") ?? "")"
            }
        ])

    /// A notice's file, named by the hash of its bytes (base64 in `content`).
    public static let attachment = SyncCollection(
        name: "notices.attachment", table: "notice_attachment",
        fields: ["notice_id", "file_name", "media_type", "size", "content"], scope: .division(column: "division"),
        policy: .countyAuthoritative)

    public static let all = [notice, attachment, shown]
}
