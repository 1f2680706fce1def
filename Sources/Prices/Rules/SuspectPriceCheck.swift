import ChinaLocale

/// Flags a price 待核实 when it is likely a slip or an outlier, judged against the prices before it
/// at the same market for the same variety (REFERENCE §2). It never refuses a price.
///
/// - A likely 斤/公斤 slip: the average is 0.45–0.55 or 1.8–2.2 times the previous one.
/// - A robust outlier: |x − median₂₈ₐ| / (1.4826 · MAD₂₈ₐ) > 3.5 over the 28 days before, when at
///   least 7 prices are known. A flat series (MAD 0) is given a spread of 1% of its median, so
///   that a small move is not an outlier.
///
/// ```swift
/// var check = SuspectPriceCheck(history: try PriceHistory.load(db, from: first, through: last))
/// let flags = check.flags(for: price)   // and remembers the price for the next one
/// ```
public struct SuspectPriceCheck: Sendable {
    var history: PriceHistory

    public init(history: PriceHistory) {
        self.history = history
    }

    /// The flags for a price, which is then remembered as history for the prices after it.
    public mutating func flags(for price: CheckedPrice) -> [SuspectPrice] {
        let key = PriceHistory.Key(variety: price.entry.varietyCode, market: price.entry.marketID)
        let before = history.prices(key, before: price.day)
        var flags: [SuspectPrice] = []
        if let previous = before.last, Self.isLikelySlip(price.avgFen, previous: previous.avgFen) {
            flags.append(.unitSlip)
        }
        let window = before.filter { $0.day >= price.day.adding(days: -28) }.map(\.avgFen)
        if Self.isOutlier(price.avgFen, among: window) { flags.append(.outlier) }
        history.add(key, day: price.day, avgFen: price.avgFen)
        return flags
    }

    static func isLikelySlip(_ value: Int64, previous: Int64) -> Bool {
        guard previous > 0 else { return false }
        let ratio = Double(value) / Double(previous)
        return (0.45...0.55).contains(ratio) || (1.8...2.2).contains(ratio)
    }

    static func isOutlier(_ value: Int64, among window: [Int64]) -> Bool {
        guard window.count >= 7 else { return false }
        let median = Self.median(window.map(Double.init))
        let mad = Self.median(window.map { abs(Double($0) - median) })
        let spread = max(1.4826 * mad, 0.01 * median)
        return abs(Double(value) - median) / spread > 3.5
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
