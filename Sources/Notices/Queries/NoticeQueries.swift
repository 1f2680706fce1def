public import ChinaLocale
import Sync
public import Foundation
public import StoreInterface

/// What people ask the station about notices, answered from local data: the current notices (by
/// default), one notice with what it changed and what changed it, and search in Chinese.
///
/// ```swift
/// let queries = NoticeQueries(store: store)
/// let current = try await queries.list(category: "补贴政策")
/// let found = try await queries.search("gdbt")
/// ```
public struct NoticeQueries: Sendable {
    let store: any TransactionStore
    let today: @Sendable () -> BeijingDay

    public init(store: any TransactionStore, today: @escaping @Sendable () -> BeijingDay = { BeijingDay.today() }) {
        self.store = store
        self.today = today
    }

    /// A notice in a list.
    public struct Summary: Codable, Sendable, Equatable {
        public let id: String
        public let title: String
        public let category: String
        public let issuer: String
        public let documentNumber: String
        public let publishedOn: String
        public let effectiveOn: String
        public let urgent: Bool
        /// Whether it is an urgent notice whose warning is in force today (``warningDaysWithoutEnd``).
        public let warning: Bool
        public let status: NoticeStatus

        public init(
            id: String, title: String, category: String, issuer: String, documentNumber: String, publishedOn: String,
            effectiveOn: String, urgent: Bool, warning: Bool, status: NoticeStatus
        ) {
            (self.id, self.title, self.category, self.issuer, self.documentNumber) = (id, title, category, issuer, documentNumber)
            (self.publishedOn, self.effectiveOn, self.urgent, self.warning, self.status) =
                (publishedOn, effectiveOn, urgent, warning, status)
        }
    }

    /// How many days an urgent notice published without an end (`expires_on`) stays a warning after
    /// it takes effect: a warning that is never lifted would sit above every notice for ever. An
    /// urgent notice is a warning while it is in force (现行有效 or 已修改) and either has an end
    /// or took effect within these days.
    public static let warningDaysWithoutEnd = 7

    /// Notices newest first, warnings in force ahead; by default only those in force or about to be.
    public func list(category: String? = nil, all: Bool = false, limit: Int = 20, offset: Int = 0) async throws -> [Summary] {
        let (statuses, day) = (all ? NoticeStatus.allCases : NoticeStatus.listedByDefault, day)
        return try await store.reading { transaction in
            try transaction.notices.list(category: category, statuses: statuses, limit: limit, offset: offset, on: day)
        }
    }

    /// The urgent notices whose warning is in force today, newest first: what every public screen
    /// shows in its warning band.
    public func warnings() async throws -> [Summary] {
        let day = day
        return try await store.reading { try $0.notices.warnings(limit: 5, on: day) }
    }

    /// Today, and the first effective day of a warning without an end still in force.
    var day: NoticeDay {
        let today = today()
        return NoticeDay(today: today, warningSince: today.adding(days: -(Self.warningDaysWithoutEnd - 1)))
    }

    /// One notice in full, with its status and its relations both ways.
    public struct Detail: Codable, Sendable, Equatable {
        public let notice: Notice
        public let status: NoticeStatus
        /// Whether it is a warning in force today (``Summary/warning``).
        public let warning: Bool
        /// The notices this one acts on, and those acting on it (such as the one that repealed it).
        public let acts: [Related]
        public let actedOnBy: [Related]
        /// Its files, such as the scan of the signed document.
        public let attachments: [AttachmentEntry]

        public init(
            notice: Notice, status: NoticeStatus, warning: Bool, acts: [Related], actedOnBy: [Related],
            attachments: [AttachmentEntry]
        ) {
            (self.notice, self.status, self.warning) = (notice, status, warning)
            (self.acts, self.actedOnBy, self.attachments) = (acts, actedOnBy, attachments)
        }
    }

    public struct Related: Codable, Sendable, Equatable {
        public let kind: NoticeRelation.Kind
        public let id: String
        public let title: String
        public let status: NoticeStatus

        public init(kind: NoticeRelation.Kind, id: String, title: String, status: NoticeStatus) {
            (self.kind, self.id, self.title, self.status) = (kind, id, title, status)
        }
    }

    public func notice(id: String) async throws -> Detail? {
        let day = day
        return try await store.reading { try $0.notices.notice(id: id, on: day) }
    }

    /// Each village's first showing of a notice on its screen (``NoticeScreenings``).
    public func firstShown(of noticeID: String) async throws -> [String: String] {
        try await store.reading { try $0.notices.firstShown(of: noticeID) }
    }
}

extension NoticeQueries {
    /// A notice's file as listed with it.
    public struct AttachmentEntry: Codable, Sendable, Equatable {
        public let id: String
        public let fileName: String
        public let mediaType: String
        public let size: Int

        public init(id: String, fileName: String, mediaType: String, size: Int) {
            (self.id, self.fileName, self.mediaType, self.size) = (id, fileName, mediaType, size)
        }
    }

    /// A file's bytes, checked against the hash that names it; `nil` if absent or not intact.
    public func attachment(_ id: String, of noticeID: String) async throws -> (entry: AttachmentEntry, content: Data)? {
        guard let (entry, content) = try await store.reading({ try $0.notices.attachment(id, of: noticeID) }),
            NoticeAttachment.id(of: content) == id
        else { return nil }
        return (entry, content)
    }
}
