public import Villages

/// The demo's county: 广东省梅州市大埔县 (Dabu County, Meizhou, Guangdong), a hilly Hakka county
/// of tea, honey pomelo and rice, with three of its villages.
///
/// Names are real places; household and population figures, and the three-digit parts of the
/// township and village codes, are illustrative sample data, not official statistics.
///
/// ```swift
/// try await VillageDirectory(store: store).replace(with: SampleCounty.divisions)
/// ```
public enum SampleCounty {
    public static let county = County(code: "441422", name: "大埔县", city: "梅州市", province: "广东省")

    public static let townships = [
        Township(code: "441422100", countyCode: "441422", name: "湖寮镇"),
        Township(code: "441422107", countyCode: "441422", name: "百侯镇"),
        Township(code: "441422113", countyCode: "441422", name: "西河镇"),
    ]

    public static let villages = [
        Village(code: "441422107201", townshipCode: "441422107", name: "侯南村", households: 612, population: 2_348),
        Village(code: "441422113203", townshipCode: "441422113", name: "北塘村", households: 356, population: 1_412),
        Village(code: "441422100205", townshipCode: "441422100", name: "莒村", households: 804, population: 3_127),
    ]

    /// The county with its three townships and villages.
    public static let divisions = Divisions(county: county, townships: townships, villages: villages)

    /// The village whose station the demo runs: 百侯镇侯南村.
    public static var stationVillage: Village { villages[0] }
}
