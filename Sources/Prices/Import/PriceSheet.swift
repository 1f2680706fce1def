public import ChinaLocale
import Foundation

/// A county price spreadsheet read into entries: columns found by their Chinese or English
/// headers, prices in 元 with up to two decimals, dates as spreadsheets write them, varieties and
/// markets by name or code. A row that cannot be read is set aside with its line and reason.
///
/// ```csv
/// 日期,品种,市场,最低价,平均价,最高价,单位,规格,产地,交易量
/// 2026-11-20,玉米,梅州农产品批发市场,2.40,2.60,2.80,元/公斤,一等,大埔,1200
/// ```
///
/// ```swift
/// let sheet = try PriceSheet(csv: SpreadsheetCSV(data: data), catalogue: catalogue)
/// sheet.entries.count; sheet.refused.first?.reason
/// ```
public struct PriceSheet: Sendable {
    /// A row set aside, with the column at fault.
    public struct Refusal: Codable, Sendable, Equatable {
        public let line: Int
        public let column: String?
        public let reason: String
    }

    public let entries: [(line: Int, entry: PriceEntry)]
    public let refused: [Refusal]

    /// Each column the sheet may have, with the headers it is known by; the first seven are needed.
    enum Column: String, CaseIterable {
        case date, variety, market, min, avg, max, unit, spec, origin, volume

        var headers: [String] {
            switch self {
            case .date: ["日期", "采集日期", "报价日期", "date", "observed_on"]
            case .variety: ["品种", "品种名称", "品名", "品种代码", "variety", "variety_code"]
            case .market: ["市场", "市场名称", "市场编号", "market", "market_id"]
            case .min: ["最低价", "最低价格", "min", "min_price"]
            case .avg: ["平均价", "均价", "平均价格", "avg", "avg_price"]
            case .max: ["最高价", "最高价格", "max", "max_price"]
            case .unit: ["单位", "计量单位", "unit"]
            case .spec: ["规格", "等级", "规格等级", "spec"]
            case .origin: ["产地", "origin"]
            case .volume: ["交易量", "成交量", "交易量(公斤)", "交易量（公斤）", "volume", "volume_kg"]
            }
        }

        static let required: [Column] = [.date, .variety, .market, .min, .avg, .max, .unit]

        /// The field ``PriceRules`` names when this column's value breaks a rule.
        var ruleField: String? {
            switch self {
            case .date: "observed_on"
            case .variety: "variety_code"
            case .market: "market_id"
            case .min: "min_fen"
            case .avg: "avg_fen"
            case .max: "max_fen"
            case .unit: "unit"
            case .volume: "volume_kg"
            case .spec, .origin: nil
            }
        }
    }

    public init(csv: SpreadsheetCSV, catalogue: CatalogueIndex) throws {
        var positions: [Column: Int] = [:]
        for column in Column.allCases {
            if let index = csv.header.firstIndex(where: { column.headers.contains($0.lowercased()) }) {
                positions[column] = index
            }
        }
        let missing = Column.required.filter { positions[$0] == nil }
        guard missing.isEmpty else {
            throw SpreadsheetCSV.Failure(
                description: "the header lacks the columns " + missing.map { $0.headers[0] }.joined(separator: "、")
                    + "; it has " + csv.header.joined(separator: ","))
        }
        var entries: [(Int, PriceEntry)] = []
        var refused: [Refusal] = []
        for row in csv.rows {
            func value(_ column: Column) -> String {
                guard let index = positions[column], index < row.values.count else { return "" }
                return row.values[index].trimmingCharacters(in: .whitespaces)
            }
            func refuse(_ column: Column, _ reason: String) {
                refused.append(Refusal(line: row.line, column: csv.header[positions[column]!], reason: reason))
            }
            guard let day = Self.day(value(.date)) else {
                refuse(.date, "日期“\(value(.date))”无法识别，请用 2026-11-20 这样的格式")
                continue
            }
            guard let variety = catalogue.variety(named: value(.variety)) else {
                refuse(.variety, "品种“\(value(.variety))”不在品种目录中")
                continue
            }
            guard let market = catalogue.market(named: value(.market)) else {
                refuse(.market, "市场“\(value(.market))”不在市场目录中")
                continue
            }
            var prices: [Int64] = []
            for column in [Column.min, .avg, .max] {
                guard let fen = Fen.parse(value(column)) else {
                    refuse(column, "价格“\(value(column))”须为元，最多两位小数")
                    break
                }
                prices.append(fen)
            }
            guard prices.count == 3 else { continue }
            let volume = value(.volume)
            guard volume.isEmpty || Int64(volume.replacingOccurrences(of: ",", with: "")) != nil else {
                refuse(.volume, "交易量“\(volume)”须为公斤整数")
                continue
            }
            entries.append(
                (
                    row.line,
                    PriceEntry(
                        varietyCode: variety.code, marketID: market.id, observedOn: day.text, minFen: prices[0],
                        avgFen: prices[1], maxFen: prices[2], unit: value(.unit), spec: value(.spec),
                        origin: value(.origin), volumeKg: Int64(volume.replacingOccurrences(of: ",", with: "")))
                ))
        }
        self.entries = entries
        self.refused = refused
    }

    /// `2026-11-20`, `2026/11/20`, `2026/1/5`, `2026年11月20日`, `20261120`, or the same with a time after a space.
    static func day(_ text: String) -> BeijingDay? {
        let datePart = text.split(separator: " ").first.map(String.init) ?? ""
        if datePart.count == 8, datePart.allSatisfy(\.isNumber) {
            let digits = Array(datePart)
            return BeijingDay("\(String(digits[0..<4]))-\(String(digits[4..<6]))-\(String(digits[6..<8]))")
        }
        let parts = datePart.split(whereSeparator: { "-/.年月日".contains($0) })
        guard parts.count == 3, parts[0].count == 4, let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        return BeijingDay(String(format: "%@-%02d-%02d", String(parts[0]), month, day))
    }
}
