public import Sync

/// What the notices module derives as a notice is written (``RecordArrival``): its relations laid
/// out for the status of the notices it acts on, and its entry in the search index, through the
/// store's ``NoticeTransaction``.
///
/// ```swift
/// NoticesCollections.notice.arrival    // NoticesArrivals.notice
/// ```
public enum NoticesArrivals {
    public static let notice: RecordArrival = RecordArrival { record, transaction in
        let notices = try transaction.notices
        if let relations = record.text("relations") {
            try notices.replaceRelations(of: record.id, with: try Self.relations(in: relations))
        }
        if record.carries(anyOf: ["title", "summary", "body"]) {
            try notices.reindexNotice(record.id)
        }
    }

    /// The relations a notice's `relations` field lists, as written.
    static func relations(in json: String) throws -> [(kind: String, target: String)] {
        var relations: [(kind: String, target: String)] = []
        var reader = SyncJSONReader(Array(json.utf8))
        do {
            try reader.elements { reader in
                var kind: String?
                var target: String?
                try reader.members { reader, key in
                    switch key {
                    case "kind": kind = try reader.string()
                    case "target": target = try reader.string()
                    default: try reader.skip()
                    }
                }
                guard let kind, let target else { throw reader.malformed("a relation with a kind and a target") }
                relations.append((kind, target))
            }
        } catch let malformed as SyncJSONReader.Malformed {
            throw UnderivableRecord(collection: NoticesCollections.notice.name, reason: "relations are not JSON relations: \(malformed)")
        }
        return relations
    }
}
