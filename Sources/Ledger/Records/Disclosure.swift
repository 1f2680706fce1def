import DomainCore
import Foundation
import StoreInterface
public import Sync

/// A public disclosure of the village's finances (村务公开) for a month or a quarter, as published:
/// income and expenses item by item (逐项逐笔), assets, debts, and contracts due and overdue. Its
/// content is a snapshot taken when it is published, so what villagers read does not move; a
/// household's or a person's name in it is masked. A villager reads it at the kiosk without
/// logging in.
///
/// ```swift
/// let disclosure = try await DisclosurePublisher(replica: county).publish("2026-Q1", village: code, by: supervisor)
/// disclosure.title   // "侯南村 2026年第1季度 财务公开"
/// ```
public struct Disclosure: SyncRecord, Sendable {
    public let id: String
    public let villageCode: String
    public let period: String
    public let title: String
    public let publishedBy: String
    public let publishedAt: String
    public let content: DisclosureContent

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, villageCode, period, title, publishedBy, publishedAt, content
    }
}

/// What a disclosure shows.
public struct DisclosureContent: Codable, Sendable, Equatable {
    /// One income or expense entry as it was posted.
    public struct Item: Codable, Sendable, Equatable {
        public let voucherDate: String
        public let voucher: String
        public let account: String
        public let accountName: String
        public let summary: String
        public let amountFen: Int64
    }

    public struct Asset: Codable, Sendable, Equatable {
        public let name: String
        public let originalFen: Int64
        public let netFen: Int64
        public let useStatus: String
    }

    public struct Debt: Codable, Sendable, Equatable {
        public let name: String
        public let amountFen: Int64
    }

    public struct Contract: Codable, Sendable, Equatable {
        public let code: String
        public let subject: String
        public let partyB: String
        public let amountFen: Int64
        public let receivedFen: Int64
        public let nextDueOn: String?
        public let overdueFen: Int64
    }

    public let periodLabel: String
    public let income: [Item]
    public let expenses: [Item]
    public let incomeFen: Int64
    public let expensesFen: Int64
    public let cashAndBankFen: Int64
    public let assets: [Asset]
    public let debts: [Debt]
    public let contracts: [Contract]
}
