/// Straight-line depreciation of a fixed asset (直线法), by month, from the month after it was
/// acquired: (original − residual) ÷ life in months, the last month taking what rounding left.
///
/// ```swift
/// Depreciation.accumulated(asset, through: "2026-06")   // 分 depreciated by the end of June 2026
/// ```
public enum Depreciation {
    /// Months of depreciation from the month after acquisition through `month` (`YYYY-MM`).
    public static func months(acquiredOn: String, through month: String) -> Int {
        guard let acquiredYear = Int(acquiredOn.prefix(4)), let acquiredMonth = Int(acquiredOn.dropFirst(5).prefix(2)),
            let year = Int(month.prefix(4)), let monthNumber = Int(month.suffix(2))
        else { return 0 }
        return max(0, (year - acquiredYear) * 12 + monthNumber - acquiredMonth)
    }

    /// What a month's depreciation is, before the last month's remainder.
    public static func monthly(_ asset: FixedAsset) -> Int64 {
        (asset.originalFen - asset.residualFen) / Int64(asset.lifeMonths)
    }

    /// Depreciation accumulated by the end of `month`, never more than original less residual.
    public static func accumulated(_ asset: FixedAsset, through month: String) -> Int64 {
        let elapsed = Int64(min(months(acquiredOn: asset.acquiredOn, through: month), asset.lifeMonths))
        return (asset.originalFen - asset.residualFen) * elapsed / Int64(asset.lifeMonths)
    }
}
