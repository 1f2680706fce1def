public import Sync
import StoreInterface

extension LedgerQueries {
    /// A disclosure as the kiosk lists it: the latest version of each period, newest period first.
    public struct DisclosureSummary: Codable, Sendable {
        public let id: String
        public let period: String
        public let title: String
        public let publishedAt: String

        public init(id: String, period: String, title: String, publishedAt: String) {
            (self.id, self.period, self.title, self.publishedAt) = (id, period, title, publishedAt)
        }
    }

    /// The latest version of each period's disclosure; at a station (`sealedBy` the county's key),
    /// only those whose content is as the county sealed it.
    public func disclosures(village: String, sealedBy key: ChangeSignature? = nil) async throws -> [DisclosureSummary] {
        try await store.reading { transaction in
            let ledger = try transaction.ledger
            let sealed = try key.map { try LedgerSeal.sealedDisclosures(village: village, ledger, key: $0) }
            let all = try ledger.disclosureSummaries(village: village)
            var periods: Set<String> = []
            return all.filter { summary in
                guard sealed?.contains(summary.id) ?? true else { return false }
                return periods.insert(summary.period).inserted
            }
        }
    }

    /// A disclosure; at a station (`sealedBy` the county's key), only under the county's seal.
    public func disclosure(id: String, sealedBy key: ChangeSignature? = nil) async throws -> Disclosure? {
        try await store.reading { transaction in
            let ledger = try transaction.ledger
            guard let disclosure = try ledger.disclosure(id: id) else { return nil }
            if let key, !(try LedgerSeal.sealedDisclosures(village: disclosure.villageCode, ledger, key: key).contains(id)) { return nil }
            return disclosure
        }
    }

    /// The chain of a village's posted vouchers, checked now; at a station (`sealedBy` the county's
    /// key), against the county's seal too.
    public func verifyChain(village: String, sealedBy key: ChangeSignature? = nil) async throws -> VoucherChain.Report {
        try await store.reading { try VoucherChain.verify(village: village, try $0.ledger, sealedBy: key) }
    }

    /// Posted vouchers of a village in a month, by number.
    public func vouchers(village: String, month: String) async throws -> [Voucher] {
        try await store.reading { try $0.ledger.vouchers(village: village, period: month) }
    }

    /// Drafts of a village waiting on someone, oldest first.
    public func drafts(village: String) async throws -> [VoucherDraft] {
        try await store.reading { try $0.ledger.openDrafts(village: village) }
    }

    /// A village's vouchers waiting for the county: submitted ones to review, reviewed ones to post.
    public struct WaitingDrafts: Codable, Sendable, Equatable {
        public let villageCode: String
        public let submitted: Int
        public let reviewed: Int

        public init(villageCode: String, submitted: Int, reviewed: Int) {
            (self.villageCode, self.submitted, self.reviewed) = (villageCode, submitted, reviewed)
        }
    }

    /// Every village with vouchers waiting, the most waiting first: where a reviewer starts.
    /// The village a draft belongs to, if it is held.
    public func village(ofDraft id: String) async throws -> String? {
        try await store.reading { try $0.ledger.draft(id: id)?.villageCode }
    }

    /// The village a voucher belongs to, if it is held.
    public func village(ofVoucher id: String) async throws -> String? {
        try await store.reading { try $0.ledger.voucher(id: id)?.villageCode }
    }

    public func waitingDrafts() async throws -> [WaitingDrafts] {
        try await store.reading { try $0.ledger.waitingDrafts() }
    }
}
