import Foundation
import Sync
import DomainCore

/// The ledger's rule book (DESIGN §2.6, §3): who may do what to a village's books, checked wherever
/// a change is applied — through a program's API, pushed to the county, pulled by the station. The
/// books exist to stop a village from quietly rewriting its own accounts (村账乡管), and the
/// station's operator has root on it; so:
/// - only the side that keeps a village's books (``VoucherPoster/poster(of:_:)``) posts or closes them;
/// - only the same side reviews a voucher (the county, unless it handed the books to the station);
/// - a posted voucher meets the voucher rules, links onto its village's chain, and a red one
///   cancels exactly the voucher it names;
/// - ids made of fields (a month's close, a sub-account) are the ones their fields make;
/// - amounts are bounded, so that no sum of them overflows.
///
/// ```swift
/// LedgerCollections.voucher.rules   // LedgerRuleBook.voucher
/// ```
enum LedgerRuleBook {
    /// Whether the change's author keeps the village's books.
    static func posterProblem(_ change: ProposedChange) throws -> String? {
        guard let village = try change.text("village_code") else { return "village_code is required" }
        let poster = try VoucherPoster.poster(of: village, try change.transaction.ledger)
        let author = change.author == .county ? "county" : "station"
        return poster == author ? nil : "the \(poster) keeps \(village)'s books, not the \(author)"
    }

    static let voucher: [ChangeRule] = [
        ChangeRule("ledger.voucher.poster", posterProblem),
        ChangeRule("ledger.voucher.lines") { change in
            guard let village = try change.text("village_code"), let text = try change.text("lines"),
                let lines = VoucherRules.decodedLines(text)
            else { return "lines must be at most \(VoucherRules.maximumLines) lines of bounded amounts" }
            if case .text(let reversed) = try change.value("reverses") {
                return try reversalProblem(of: reversed, lines: lines, village: village, try change.transaction.ledger)
            }
            let entry = VoucherEntry(
                voucherDate: try change.text("voucher_date") ?? "", lines: lines,
                attachments: Int(clamping: try change.integer("attachments") ?? -1))
            do {
                try VoucherRules.check(entry, village: village, today: nil, try change.transaction.ledger)
                return nil
            } catch let error as DomainError {
                return "\(error.field ?? "voucher"): \(error.messageEN)"
            }
        },
        ChangeRule("ledger.voucher.chain") { change in
            guard let village = try change.text("village_code") else { return "village_code is required" }
            let head = try VoucherChain.head(village: village, try change.transaction.ledger)
            guard try change.integer("chain_index") == Int64(head.index + 1), try change.text("previous_hash") == head.hash else {
                return "the voucher must link onto \(village)'s chain at entry \(head.index + 1)"
            }
            guard let fields = try hashedFields(change), VoucherChain.hash(of: fields) == (try change.text("hash")) else {
                return "hash must be the hash of the voucher's content and the previous hash"
            }
            return nil
        },
    ]

    static let close: [ChangeRule] = [
        ChangeRule("ledger.close.poster", posterProblem),
        ChangeRule.idMadeOfFields("ledger.close.id") { change in
            "\(try change.text("village_code") ?? ""):\(try change.text("period") ?? "")"
        },
    ]

    static let draft: [ChangeRule] = [
        // The side that keeps the books reviews: the county's agency, unless posting was handed to the station.
        ChangeRule("ledger.draft.review") { change in
            let reviewing = [VoucherDraft.Status.reviewed, .rejected].contains { change.sets("status", to: $0.rawValue) }
            let namesReviewer = [change.change.fields["reviewer"], change.change.fields["review_note"]].contains {
                $0 != nil && $0 != .text("") && $0 != .null
            }
            return reviewing || namesReviewer ? try posterProblem(change) : nil
        },
        ChangeRule("ledger.draft.posting") { change in
            let posting = change.sets("status", to: VoucherDraft.Status.posted.rawValue)
                || (change.sets("voucher_id") && change.change.fields["voucher_id"] != .null)
            return posting ? try posterProblem(change) : nil
        },
        ChangeRule("ledger.draft.lines") { change in
            guard change.sets("lines") else { return nil }
            guard let text = try change.text("lines"), let lines = VoucherRules.decodedLines(text),
                lines.allSatisfy({ $0.debitFen >= 0 && $0.creditFen >= 0 })
            else { return "lines must be at most \(VoucherRules.maximumLines) lines of bounded amounts" }
            return nil
        },
    ]

    static let subaccount: [ChangeRule] = [
        ChangeRule.idMadeOfFields("ledger.subaccount.id") { change in
            "\(try change.text("village_code") ?? ""):\(try change.text("code") ?? "")"
        }
    ]

    /// Amounts of the registers: whole 分, not negative, at most 10 亿元 each way.
    static func amounts(_ name: String, _ fields: [String]) -> ChangeRule {
        ChangeRule(name) { change in
            for field in fields where change.sets(field) {
                switch try change.value(field) {
                case .null: continue
                case .integer(let fen) where (0...VoucherRules.maximumLineFen).contains(fen): continue
                default: return "\(field) must be whole 分 from 0 to \(VoucherRules.maximumLineFen)"
                }
            }
            return nil
        }
    }

    /// Why a red voucher does not cancel the voucher it names: that voucher must be held, of the
    /// same village, not itself red, not reversed already, and its lines exactly negated.
    static func reversalProblem(of reversed: String, lines: [VoucherLine], village: String, _ ledger: any LedgerTransaction) throws
        -> String?
    {
        guard let original = try ledger.voucher(id: reversed),
            original.villageCode == village, original.reverses == nil
        else { return "reverses must name a posted voucher of \(village) that is not itself a reversal" }
        if try ledger.isReversed(reversed) {
            return "the voucher is reversed already"
        }
        return lines == original.lines.map(\.reversed) ? nil : "a red voucher's lines must negate the original's"
    }

    /// A voucher change's hashed fields, if they are all there and of their kinds.
    static func hashedFields(_ change: ProposedChange) throws -> VoucherChain.HashedFields? {
        guard let village = try change.text("village_code"), let period = try change.text("period"),
            let number = try change.integer("number"), let date = try change.text("voucher_date"),
            let lines = try change.text("lines"), let attachments = try change.integer("attachments"),
            let preparer = try change.text("preparer"), let reviewer = try change.text("reviewer"),
            let poster = try change.text("poster"), let postedAt = try change.text("posted_at"),
            let index = try change.integer("chain_index"), let previous = try change.text("previous_hash")
        else { return nil }
        return VoucherChain.HashedFields(
            village: village, period: period, number: Int(clamping: number), voucherDate: date, lines: lines,
            attachments: Int(clamping: attachments), preparer: preparer, reviewer: reviewer, poster: poster,
            postedAt: postedAt, reverses: try change.text("reverses"), chainIndex: Int(clamping: index), previousHash: previous)
    }
}
