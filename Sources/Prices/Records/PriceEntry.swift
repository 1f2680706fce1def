public import ChinaLocale

/// A price as someone enters it: at the station's screen, or as one row of a county spreadsheet.
/// ``PriceRules`` checks it and turns its prices into 分 per 公斤.
///
/// ```swift
/// let entry = PriceEntry(varietyCode: "01010301", marketID: "M05", observedOn: "2026-11-20",
///                        minFen: 120, avgFen: 130, maxFen: 140, unit: "元/斤")
/// ```
public struct PriceEntry: Codable, Sendable, Equatable {
    public var varietyCode: String
    public var marketID: String
    public var observedOn: String
    /// In the entry's unit, in 分.
    public var minFen: Int64
    public var avgFen: Int64
    public var maxFen: Int64
    public var unit: String
    public var spec: String?
    public var origin: String?
    public var volumeKg: Int64?
    /// The record this entry corrects, if it is a correction.
    public var corrects: String?

    public init(
        varietyCode: String, marketID: String, observedOn: String, minFen: Int64, avgFen: Int64, maxFen: Int64,
        unit: String, spec: String? = nil, origin: String? = nil, volumeKg: Int64? = nil, corrects: String? = nil
    ) {
        self.varietyCode = varietyCode
        self.marketID = marketID
        self.observedOn = observedOn
        self.minFen = minFen
        self.avgFen = avgFen
        self.maxFen = maxFen
        self.unit = unit
        self.spec = spec
        self.origin = origin
        self.volumeKg = volumeKg
        self.corrects = corrects
    }

    enum CodingKeys: String, CodingKey {
        case varietyCode, observedOn, minFen, avgFen, maxFen, unit, spec, origin, volumeKg, corrects
        case marketID = "marketId"
    }
}

/// A price that passed ``PriceRules``: prices per 公斤, with its suspect flags.
public struct CheckedPrice: Sendable, Equatable {
    public let entry: PriceEntry
    public let day: BeijingDay
    public let unit: PriceUnit
    public let minFen: Int64
    public let avgFen: Int64
    public let maxFen: Int64
    public let regionCode: String
    public var flags: [SuspectPrice] = []

    /// The flags as stored: comma-separated, empty when none.
    public var flagText: String { flags.map(\.rawValue).joined(separator: ",") }
}

/// Why a price is flagged 待核实 (to be checked) rather than trusted.
public enum SuspectPrice: String, Sendable, Codable, CaseIterable {
    /// Half or double the previous price at the market: likely entered per 斤 for 公斤 or the reverse.
    case unitSlip = "unit_slip"
    /// Far from the 28-day median at the market: |x − median| / (1.4826 · MAD) > 3.5.
    case outlier
}
