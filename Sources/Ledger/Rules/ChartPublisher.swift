import Foundation
public import Sync
public import StoreInterface

/// The county's part of the books' set-up: the charts of accounts, published to every station,
/// and which side posts each village's vouchers (the county agency unless it says the station).
///
/// ```swift
/// try await ChartPublisher(replica: county).publishCharts()
/// try await ChartPublisher(replica: county).setPoster(.station, for: "441422107201")
/// ```
public struct ChartPublisher: Sendable {
    let replica: Replica

    public init(replica: Replica) { self.replica = replica }

    public enum Poster: String, Codable, Sendable { case county, station }

    /// Publishes both charts; an account already published unchanged is left as it is.
    public func publishCharts() async throws {
        try await replica.writing { transaction in try publishCharts(transaction) }
    }

    /// The same, in the caller's transaction (the county program does it as it starts).
    public func publishCharts(_ transaction: any StoreTransaction) throws {
        do {
            for account in ChartOfAccounts.all {
                try replica.write(transaction, record: account, id: account.id, to: LedgerCollections.account)
            }
        }
    }

    public func setPoster(_ poster: Poster, for village: String) async throws {
        try await replica.writing { transaction in
            try replica.write(transaction, to: LedgerCollections.posting.name, id: village, fields: ["poster": .text(poster.rawValue)])
        }
    }
}
