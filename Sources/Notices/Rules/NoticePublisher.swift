import Foundation
import GRDB
import Sync

/// The county's side of notices: checks them and publishes them through the county's replica,
/// which signs each notice as one document for every station.
///
/// ```swift
/// try await NoticePublisher(replica: countyReplica).publish(notices)
/// ```
public struct NoticePublisher: Sendable {
    let replica: Replica

    public init(replica: Replica) {
        self.replica = replica
    }

    /// Publishes notices in one transaction, in the order given: a notice may relate to one
    /// earlier in the same call. A notice published again with changes replaces its fields.
    public func publish(_ notices: [Notice]) async throws {
        try await replica.store.pool.write { db in
            var known = Set(try String.fetchAll(db, sql: "SELECT id FROM notice"))
            for notice in notices {
                let checked = try NoticeRules.check(notice, known: known)
                try replica.write(db, to: NoticesCollections.notice.name, id: checked.id, fields: Self.fields(of: checked))
                known.insert(checked.id)
            }
        }
    }

    static func fields(of notice: Notice) throws -> [String: SyncValue] {
        let relations = try JSONEncoder().encode(notice.relations)
        return [
            "index_number": .text(notice.indexNumber), "issuer": .text(notice.issuer),
            "document_number": .text(notice.documentNumber), "title": .text(notice.title),
            "category": .text(notice.category), "signed_on": .text(notice.signedOn),
            "published_on": .text(notice.publishedOn), "effective_on": .text(notice.effectiveOn),
            "expires_on": notice.expiresOn.map(SyncValue.text) ?? .null, "summary": .text(notice.summary),
            "body": .text(notice.body), "interpretation": notice.interpretation.map(SyncValue.text) ?? .null,
            "urgent": .integer(notice.urgent ? 1 : 0), "relations": .text(String(decoding: relations, as: UTF8.self)),
        ]
    }
}
