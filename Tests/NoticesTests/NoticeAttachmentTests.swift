import DomainCore
import Foundation
import Notices
import NoticesSQLite
import Sync
import Testing
import WebAPI
import TestSupport

@Suite struct NoticeAttachmentTests {
    @Test(arguments: HubStore.allCases) func aFileTravelsWithItsNoticeAndArrivesIntact(hub: HubStore) async throws {
        try await NoticeWorld.with(hub) { world in
            let publisher = NoticePublisher(replica: world.county)
            try await publisher.publish([NoticeWorld.notice("A1", "关于防御台风的紧急通知", category: "灾害预警", urgent: true)])
            let scan = Data("%PDF-1.4 埔三防〔2026〕5号 扫描件".utf8)
            let attachment = NoticeAttachment(noticeID: "A1", fileName: "埔三防〔2026〕5号.pdf", content: scan)
            try await publisher.attach(attachment)
            try await publisher.attach(attachment)  // the same bytes again: one attachment
            await #expect(throws: DomainError.self) {
                try await publisher.attach(NoticeAttachment(noticeID: "A404", fileName: "x.pdf", content: scan))
            }

            let station = try world.station()
            let peer = StationPeer(origin: station.origin, village: "441422107201")
            var reply = try await world.county.changes(after: 0, for: peer, limit: 100)
            #expect(reply.changes.count == 2)
            // A relay swaps the file's bytes: the county's signature no longer holds, and it is refused.
            let forged = reply.changes.map { change -> Change in
                guard change.collection == "notices.attachment" else { return change }
                var fields = change.fields
                fields["content"] = .text(Data("%PDF-1.4 伪造".utf8).base64EncodedString())
                return Change(
                    origin: change.origin, sequence: change.sequence, timestamp: change.timestamp, collection: change.collection,
                    recordID: change.recordID, scope: change.scope, fields: fields, bases: change.bases, signature: change.signature)
            }
            try await station.accept(
                PullReply(changes: forged, position: reply.position, more: false, countyTime: reply.countyTime, countyOrigin: reply.countyOrigin))
            let queries = NoticeQueries(store: station.store, today: { NoticeWorld.today })
            #expect(try await queries.attachment(attachment.id, of: "A1") == nil)
            #expect(try await station.status().quarantined == 1)

            // The genuine file arrives and is served as published.
            reply = try await world.county.changes(after: 0, for: peer, limit: 100)
            try await station.accept(reply)
            let served = try #require(try await queries.attachment(attachment.id, of: "A1"))
            #expect(served.content == scan)
            #expect(served.entry.mediaType == "application/pdf")
            #expect(try await queries.notice(id: "A1")?.attachments.map(\.fileName) == ["埔三防〔2026〕5号.pdf"])
        }
    }
}
