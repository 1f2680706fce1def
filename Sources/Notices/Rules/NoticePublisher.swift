import Foundation
public import Sync
import DomainCore

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
        try await replica.writing { [replica] transaction in
            var known = try transaction.notices.noticeIDs()
            for notice in notices {
                let checked = try NoticeRules.check(notice, known: known)
                try replica.write(transaction, record: checked, id: checked.id, to: NoticesCollections.notice)
                known.insert(checked.id)
            }
        }
    }

    /// Publishes a file with a notice already published; the same bytes twice are one attachment.
    public func attach(_ attachment: NoticeAttachment) async throws {
        guard attachment.content.count <= NoticeAttachment.maximumSize, !attachment.content.isEmpty else {
            throw DomainError.invalidField(
                "content", message: "附件须为 1 字节到 8 MB", messageEN: "an attachment must be 1 byte to 8 MB")
        }
        try await replica.writing { [replica] transaction in
            guard try transaction.notices.noticeExists(attachment.noticeID) else {
                throw DomainError.invalidField(
                    "notice_id", message: "文件 \(attachment.noticeID) 不存在", messageEN: "notice \(attachment.noticeID) does not exist")
            }
            // A notice's files reach the stations the notice reaches.
            let division = try transaction.changeLog.recordValue("division", in: NoticesCollections.notice, id: attachment.noticeID)
            try replica.write(
                transaction, to: NoticesCollections.attachment.name, id: attachment.id,
                fields: [
                    "division": division,
                    "notice_id": .text(attachment.noticeID), "file_name": .text(attachment.fileName),
                    "media_type": .text(attachment.mediaType), "size": .integer(Int64(attachment.content.count)),
                    "content": .text(attachment.content.base64EncodedString()),
                ])
        }
    }
}
