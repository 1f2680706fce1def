import ChinaLocale
import Crypto
import Foundation
public import Sync
public import StoreInterface

/// The county's seal (县级签章) on a village's books (DESIGN §3): its signature over the village's
/// chain head as it advances, and over each disclosure (村务公开). A seal is a county record, signed
/// as every county record is on its way, and it carries its own signature over what it seals, so
/// that it can be checked again at any time with the county key the station pinned.
///
/// The hash chain alone proves nothing to someone who can rewrite the station's store: they can
/// recompute every hash. They cannot make the county's signature over the head the county holds;
/// so `kiosk ledger verify` names the edit, and a station shows a disclosure only under a seal.
///
/// ```swift
/// try LedgerSeal.sealNew(village: "441422107201", replica: county, transaction)   // at the county, as a station pulls
/// let report = try VoucherChain.verify(village: village, try transaction.ledger, sealedBy: countyKey)
/// ```
public enum LedgerSeal {
    /// The bytes the county signs for a village's chain head.
    static func chainBytes(village: String, index: Int64, hash: String) -> Data {
        Data("ledger-chain-head\n\(village)\n\(index)\n\(hash)".utf8)
    }

    /// The bytes the county signs for a disclosure: its id, its village and the hash of what it shows.
    static func disclosureBytes(id: String, village: String, contentHash: String) -> Data {
        Data("ledger-disclosure\n\(id)\n\(village)\n\(contentHash)".utf8)
    }

    /// The SHA-256 of a disclosure's period, title and content, as stored.
    static func contentHash(period: String, title: String, content: String) -> String {
        SHA256.hash(data: Data("\(period)\u{1F}\(title)\u{1F}\(content)".utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// At the county: seals the village's chain head if it moved past the last seal (and the chain
    /// is whole), and every disclosure of the village that has no seal yet. Writes nothing when
    /// nothing is new.
    public static func sealNew(village: String, replica: Replica, _ transaction: any StoreTransaction) throws {
        guard replica.village == nil, let county = replica.signature else { return }
        let ledger = try transaction.ledger
        let head = try VoucherChain.head(village: village, ledger)
        let sealed = try ledger.chainSeal(village: village).map { (index: Int(clamping: $0.index), hash: $0.hash) }
        // The county sealed only a whole chain: the walk goes on from its last seal.
        if head.index > sealed?.index ?? 0, try VoucherChain.verify(village: village, after: sealed, ledger).intact {
            try replica.write(
                transaction, to: LedgerCollections.chainSeal.name, id: village,
                fields: [
                    "village_code": .text(village), "chain_index": .integer(Int64(head.index)), "hash": .text(head.hash),
                    "sealed_at": .text(BeijingTime.timestamp()),
                    "seal": .text(try county.sign(bytes: chainBytes(village: village, index: Int64(head.index), hash: head.hash))),
                ])
        }
        for disclosure in try ledger.unsealedDisclosures(village: village) {
            let id = disclosure.id
            let hash = contentHash(period: disclosure.period, title: disclosure.title, content: disclosure.content)
            try replica.write(
                transaction, to: LedgerCollections.disclosureSeal.name, id: id,
                fields: [
                    "village_code": .text(village), "content_hash": .text(hash), "sealed_at": .text(BeijingTime.timestamp()),
                    "seal": .text(try county.sign(bytes: disclosureBytes(id: id, village: village, contentHash: hash))),
                ])
        }
    }

    /// Whether the village has something to seal: a chain head past its seal, or a disclosure
    /// without one.
    static func hasNew(village: String, _ ledger: any LedgerTransaction) throws -> Bool {
        let head = try VoucherChain.head(village: village, ledger)
        let sealed = try ledger.chainSeal(village: village)?.index ?? 0
        if head.index > sealed { return true }
        return try !ledger.unsealedDisclosures(village: village).isEmpty
    }

    /// The ids of a village's disclosures whose content is as the county sealed it.
    static func sealedDisclosures(village: String, _ ledger: any LedgerTransaction, key: ChangeSignature) throws -> Set<String> {
        Set(
            try ledger.sealedDisclosures(village: village).compactMap { disclosure, sealedHash, seal -> String? in
                let hash = contentHash(period: disclosure.period, title: disclosure.title, content: disclosure.content)
                guard hash == sealedHash, key.verifies(seal, over: disclosureBytes(id: disclosure.id, village: village, contentHash: hash))
                else { return nil }
                return disclosure.id
            })
    }

    /// The county's seal on a village's chain as the store holds it: `nil` if there is none,
    /// else its index and hash, and whether its signature is the county key's.
    static func chainSeal(village: String, _ ledger: any LedgerTransaction, key: ChangeSignature) throws
        -> (index: Int, hash: String, valid: Bool)?
    {
        guard let seal = try ledger.chainSeal(village: village) else { return nil }
        return (
            Int(clamping: seal.index), seal.hash,
            key.verifies(seal.seal, over: chainBytes(village: village, index: seal.index, hash: seal.hash))
        )
    }
}
