import ChinaLocale
import Crypto
import Foundation
public import GRDB
public import Sync

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
/// try LedgerSeal.sealNew(village: "441422107201", replica: county, db)   // at the county, as a station pulls
/// let report = try VoucherChain.verify(village: village, db, sealedBy: countyKey)
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
    public static func sealNew(village: String, replica: Replica, _ db: Database) throws {
        guard replica.village == nil, let county = replica.signature else { return }
        let head = try VoucherChain.head(village: village, db)
        let sealed = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT chain_index, hash FROM ledger_chain_seal WHERE id = ?"), arguments: [village]
        ).map { (index: $0["chain_index"] as Int, hash: $0["hash"] as String) }
        // The county sealed only a whole chain: the walk goes on from its last seal.
        if head.index > sealed?.index ?? 0, try VoucherChain.verify(village: village, after: sealed, db).intact {
            try replica.write(
                db, to: LedgerCollections.chainSeal.name, id: village,
                fields: [
                    "village_code": .text(village), "chain_index": .integer(Int64(head.index)), "hash": .text(head.hash),
                    "sealed_at": .text(BeijingTime.timestamp()),
                    "seal": .text(try county.sign(bytes: chainBytes(village: village, index: Int64(head.index), hash: head.hash))),
                ])
        }
        let unsealed = try Row.fetchAll(
            db,
            sql: """
                SELECT d.id, d.period, d.title, d.content FROM ledger_disclosure d
                WHERE d.village_code = ? AND NOT EXISTS (SELECT 1 FROM ledger_disclosure_seal s WHERE s.id = d.id)
                """,
            arguments: [village])
        for row in unsealed {
            let id: String = row["id"]
            let hash = contentHash(period: row["period"], title: row["title"], content: row["content"])
            try replica.write(
                db, to: LedgerCollections.disclosureSeal.name, id: id,
                fields: [
                    "village_code": .text(village), "content_hash": .text(hash), "sealed_at": .text(BeijingTime.timestamp()),
                    "seal": .text(try county.sign(bytes: disclosureBytes(id: id, village: village, contentHash: hash))),
                ])
        }
    }

    /// Whether the village has something to seal: a chain head past its seal, or a disclosure
    /// without one.
    static func hasNew(village: String, _ db: Database) throws -> Bool {
        let head = try VoucherChain.head(village: village, db)
        let sealed = try Int.fetchOne(
            db.cachedStatement(sql: "SELECT chain_index FROM ledger_chain_seal WHERE id = ?"), arguments: [village]) ?? 0
        if head.index > sealed { return true }
        return try Bool.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT EXISTS(SELECT 1 FROM ledger_disclosure d WHERE d.village_code = ?
                        AND NOT EXISTS (SELECT 1 FROM ledger_disclosure_seal s WHERE s.id = d.id))
                    """),
            arguments: [village]) ?? false
    }

    /// The ids of a village's disclosures whose content is as the county sealed it.
    static func sealedDisclosures(village: String, _ db: Database, key: ChangeSignature) throws -> Set<String> {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT d.id, d.period, d.title, d.content, s.content_hash, s.seal FROM ledger_disclosure d
                JOIN ledger_disclosure_seal s ON s.id = d.id WHERE d.village_code = ?
                """,
            arguments: [village])
        return Set(
            rows.compactMap { row -> String? in
                let id: String = row["id"]
                let hash = contentHash(period: row["period"], title: row["title"], content: row["content"])
                guard hash == row["content_hash"], key.verifies(row["seal"], over: disclosureBytes(id: id, village: village, contentHash: hash))
                else { return nil }
                return id
            })
    }

    /// The county's seal on a village's chain as the store holds it: `nil` if there is none,
    /// else its index and hash, and whether its signature is the county key's.
    static func chainSeal(village: String, _ db: Database, key: ChangeSignature) throws -> (index: Int, hash: String, valid: Bool)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT chain_index, hash, seal FROM ledger_chain_seal WHERE id = ?", arguments: [village])
        else { return nil }
        let index: Int64 = row["chain_index"]
        let hash: String = row["hash"]
        return (Int(clamping: index), hash, key.verifies(row["seal"], over: chainBytes(village: village, index: index, hash: hash)))
    }
}
