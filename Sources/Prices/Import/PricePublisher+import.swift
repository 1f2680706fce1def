import ChinaLocale
public import Foundation
import DomainCore
import Sync

extension PricePublisher {
    /// What an import did: the rows taken into bulletins, those already published with the same
    /// prices, those that correct an earlier price, and those refused with their reasons.
    public struct ImportReport: Codable, Sendable, Equatable {
        public let encoding: String
        public let taken: Int
        public let corrections: Int
        public let alreadyPublished: Int
        public let bulletins: [String]
        public let flagged: Int
        public let refused: [PriceSheet.Refusal]
    }

    /// Imports a spreadsheet of prices as bulletins, all in one transaction: a file that cannot be
    /// read as a price table imports nothing; rows that break a rule are refused and reported, the
    /// others published. A row for a price already published (same day, variety, market and spec)
    /// is skipped if unchanged and published as a correction if not.
    public func importSheet(_ data: Data, source: String, division: String = "") async throws -> ImportReport {
        guard DivisionScopes.isPublishable(division) else { throw DomainError.notADivision("division") }
        let csv = try SpreadsheetCSV(data: data)
        return try await replica.writing { [self] transaction in
            let held = try transaction.prices
            let catalogue = try held.catalogue()
            let sheet = try PriceSheet(csv: csv, catalogue: catalogue)
            var refused = sheet.refused
            var taken: [CheckedPrice] = []
            var seen: [String: Int] = [:]
            var unchanged = 0
            var corrections = 0
            for (line, entry) in sheet.entries {
                do {
                    var price = try PriceRules.check(entry, catalogue: catalogue, today: today())
                    let key = [entry.observedOn, entry.varietyCode, entry.marketID, entry.spec ?? ""].joined(separator: "|")
                    if let first = seen[key] {
                        refused.append(.init(line: line, column: nil, reason: "与第 \(first) 行重复（同日、同品种、同市场、同规格）"))
                        continue
                    }
                    seen[key] = line
                    if let published = try held.publishedPrice(
                        on: price.day, variety: price.entry.varietyCode, market: price.entry.marketID, spec: price.entry.spec ?? "")
                    {
                        guard (published.minFen, published.avgFen, published.maxFen) != (price.minFen, price.avgFen, price.maxFen)
                        else {
                            unchanged += 1
                            continue
                        }
                        price = price.correcting(published.id)
                        corrections += 1
                    }
                    taken.append(price)
                } catch let error as DomainError {
                    refused.append(.init(line: line, column: PriceSheet.column(for: error.field, in: csv.header), reason: error.message))
                }
            }
            let bulletins = try publish(taken, source: source, division: division, transaction)
            return ImportReport(
                encoding: csv.encoding.rawValue, taken: taken.count, corrections: corrections, alreadyPublished: unchanged,
                bulletins: bulletins.map(\.id), flagged: bulletins.flatMap(\.prices).filter { !$0.flags.isEmpty }.count,
                refused: refused.sorted { $0.line < $1.line })
        }
    }
}

extension CheckedPrice {
    func correcting(_ id: String) -> CheckedPrice {
        var entry = entry
        entry.corrects = id
        return CheckedPrice(
            entry: entry, day: day, unit: unit, minFen: minFen, avgFen: avgFen, maxFen: maxFen, regionCode: regionCode,
            flags: flags)
    }
}

extension PriceSheet {
    /// The sheet's header for a rule's field, so a refusal names the column a person sees.
    static func column(for field: String?, in header: [String]) -> String? {
        guard let field, let column = Column.allCases.first(where: { $0.ruleField == field }) else { return nil }
        return header.first { column.headers.contains($0.lowercased()) }
    }
}
