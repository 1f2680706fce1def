public import ChinaLocale
import Foundation
import Ledger
public import Sync
import Storage

/// Sample books of 侯南村 for the demo: twenty households under 内部往来, a year of vouchers
/// (about 25 a month: running funds, contract fees billed and collected, cleaning and road works,
/// office costs, a dividend, taxes), each month closed, quarterly disclosures, three fixed assets,
/// three parcels, and two contracts, a fish-pond lease whose instalments are overdue and a shop
/// lease paid up. Names and amounts are illustrative.
///
/// ```swift
/// try await SampleLedger.seed(through: countyReplica, today: .today(), months: 12)
/// ```
public enum SampleLedger {
    static let village = "441422107201"
    static let clerk = LedgerActor(name: "李会计", role: .preparer)
    static let checker = LedgerActor(name: "百侯镇农经站王审核", role: .reviewer)
    static let agency = LedgerActor(name: "百侯镇农经站", role: .poster)
    static let households = [
        "张建国", "王秀英", "刘德明", "陈桂兰", "杨志强", "黄丽萍", "赵永福", "周春梅", "吴海涛", "徐金凤",
        "孙国平", "胡美玲", "朱长青", "郭淑芬", "何建军", "林月娥", "罗德胜", "梁玉珍", "宋文华", "谢秋菊",
    ]

    public static func seed(through county: Replica, today: BeijingDay, months: Int) async throws {
        let held = try await LedgerQueries(store: county.store).households(village: village)
        guard held.isEmpty, months > 0 else { return }
        let books = Bookkeeper(replica: county, village: village)
        for (index, name) in households.enumerated() {
            _ = try await books.open(SubAccountEntry(account: "113", code: String(format: "113%03d", index + 1), name: name, household: true), by: clerk)
        }
        try await seedRegisters(county, today: today)
        let thisMonth = firstOfMonth(today)
        var month = thisMonth
        for _ in 0..<months { month = firstOfMonth(month.adding(days: -1)) }
        let poster = VoucherPoster(replica: county)
        var closed: [String] = []
        while month < thisMonth {
            let period = LedgerPeriod.month(of: month)
            for (offset, lines) in vouchers(for: period).enumerated() {
                let date = month.adding(days: min(offset, 27)).text
                let draft = try await books.prepare(VoucherEntry(voucherDate: date, lines: lines, attachments: 1 + offset % 3), by: clerk)
                _ = try await books.submit(draftID: draft.id, by: clerk)
                _ = try await books.review(draftID: draft.id, approve: true, note: "", by: checker)
                _ = try await poster.post(draftID: draft.id, by: agency)
            }
            try await poster.close(month: period, village: village, by: agency)
            closed.append(period)
            month = firstOfMonth(month.adding(days: 32))
        }
        let publisher = DisclosurePublisher(replica: county)
        for quarter in Set(closed.map(quarter(of:))).sorted() where LedgerPeriod(quarter)!.months.allSatisfy(closed.contains) {
            _ = try await publisher.publish(quarter, village: village, villageName: "侯南村", by: LedgerActor(name: "侯南村村务监督委员会", role: .supervisor))
        }
    }

    static func firstOfMonth(_ day: BeijingDay) -> BeijingDay { BeijingDay("\(day.text.prefix(7))-01")! }

    static func quarter(of month: String) -> String {
        "\(month.prefix(4))-Q\((Int(month.suffix(2))! - 1) / 3 + 1)"
    }

    static func pair(_ summary: String, _ debit: String, _ credit: String, _ fen: Int64, debitSub: String? = nil, creditSub: String? = nil) -> [VoucherLine] {
        [
            VoucherLine(summary: summary, account: debit, subaccount: debitSub, debitFen: fen),
            VoucherLine(summary: summary, account: credit, subaccount: creditSub, creditFen: fen),
        ]
    }

    /// About 25 vouchers of one month, the same each year but for the amounts.
    static func vouchers(for period: String) -> [[VoucherLine]] {
        let month = Int(period.suffix(2))!
        let seed = Int64(month * 37 + Int(period.prefix(4))! % 7)
        var list: [[VoucherLine]] = [
            pair("收到\(month)月村级组织运转经费", "102", "503", 1_500_000),
            pair("提取备用金", "101", "102", 200_000),
            pair("购买办公用品", "513", "101", 30_000 + seed * 411 % 50_000),
            pair("支付村部电费", "513", "102", 40_000 + seed * 97 % 20_000),
            pair("计提\(month)月税金及附加", "512", "214", 6_000 + seed % 3_000),
            pair("缴纳税费", "214", "102", 6_000 + seed % 3_000),
        ]
        for slot in 0..<6 {
            let household = (month * 6 + slot) % households.count
            let name = households[household]
            let code = String(format: "113%03d", household + 1)
            let fee = 80_000 + Int64(household) * 5_000
            list.append(pair("\(name)\(month)月承包费", "113", "501", fee, debitSub: code))
            list.append(pair("收\(name)承包费", "102", "113", fee - (slot == 5 ? 20_000 : 0), creditSub: code))
            if slot < 3 {
                list.append(pair("应付\(name)村道保洁劳务费", "514", "113", 60_000, creditSub: code))
                list.append(pair("支付\(name)保洁劳务费", "113", "101", 60_000, debitSub: code))
            }
        }
        if month % 3 == 0 { list.append(pair("村道坑槽修补", "514", "102", 350_000 + seed * 13 % 100_000)) }
        if month == 6 || month == 12 { list.append(pair("收到侯南蜜柚合作社投资分红", "102", "502", 800_000)) }
        return list
    }

    static func seedRegisters(_ county: Replica, today: BeijingDay) async throws {
        let keeper = RegisterKeeper(replica: county, village: village)
        for asset in [
            FixedAsset(number: "GD-001", name: "村部办公楼", category: "房屋及建筑物", operating: false, location: "村委会", acquiredOn: "2015-06-20",
                       originalFen: 180_000_000, residualFen: 9_000_000, lifeMonths: 480, fundingSource: "上级补助", custodian: "村委会"),
            FixedAsset(number: "GD-002", name: "村道太阳能路灯（60 盏）", category: "公共设施", operating: false, location: "村内主干道", quantity: 60,
                       acquiredOn: "2022-10-08", originalFen: 21_600_000, lifeMonths: 120, fundingSource: "一事一议", custodian: "村委会"),
            FixedAsset(number: "GD-003", name: "一楼店面", category: "房屋及建筑物", location: "村部一楼", acquiredOn: "2015-06-20",
                       originalFen: 36_000_000, residualFen: 1_800_000, lifeMonths: 480, fundingSource: "集体自筹", custodian: "村委会", useStatus: "出租"),
        ] {
            _ = try await keeper.add(asset, by: agency)
        }
        for parcel in [
            LandParcel(parcelCode: "441422107201-0012", name: "村东鱼塘", landClass: "1104 坑塘水面", areaHundredthMu: 1_200, east: "村道",
                       south: "侯南五组水田", west: "梅潭河堤", north: "村东山脚", owner: "侯南村", operation: "发包（张建国）"),
            LandParcel(parcelCode: "441422107201-0031", name: "东坡茶园", landClass: "0202 茶园", areaHundredthMu: 3_250, east: "山脊",
                       south: "三组林地", west: "东坡路", north: "北塘村界", owner: "侯南村三组", operation: "合作社经营"),
            LandParcel(parcelCode: "441422107201-0047", name: "河背机动地", landClass: "0101 水田", areaHundredthMu: 860, east: "河背渠",
                       south: "五组水田", west: "村道", north: "河堤", owner: "侯南村", operation: "暂未发包"),
        ] {
            _ = try await keeper.add(parcel, by: agency)
        }
        let pond = try await keeper.add(
            LandContract(
                code: "HN-2024-03", kind: "鱼塘承包", partyA: "侯南村股份经济合作社", partyB: "张建国", subject: "村东鱼塘 12 亩",
                startsOn: "2024-01-01", endsOn: "2028-12-31", amountFen: 1_500_000,
                schedule: (2024...2028).map { PaymentDue(dueOn: "\($0)-03-31", amountFen: 300_000) },
                meetingRecord: "2023年12月18日村民代表会议", filingNumber: "百侯农经备〔2024〕3号"),
            by: agency)
        _ = try await keeper.receive(300_000, under: pond.id!, on: "2024-03-28", by: agency)
        _ = try await keeper.receive(150_000, under: pond.id!, on: "2025-05-10", by: agency)
        let shop = try await keeper.add(
            LandContract(
                code: "HN-2025-01", kind: "房屋出租", partyA: "侯南村股份经济合作社", partyB: "大埔县侯南农资店", partyBKind: "organisation",
                subject: "村部一楼店面 80 平方米", startsOn: "2025-01-01", endsOn: "2027-12-31", amountFen: 3_600_000,
                schedule: (0..<12).map { PaymentDue(dueOn: "\(2025 + $0 / 4)-\(String(format: "%02d", $0 % 4 * 3 + 1))-10", amountFen: 300_000) },
                meetingRecord: "2024年11月26日村民代表会议", filingNumber: "百侯农经备〔2025〕1号"),
            by: agency)
        for due in shop.schedule where due.dueOn <= today.text {
            _ = try await keeper.receive(due.amountFen, under: shop.id!, on: due.dueOn, by: agency)
        }
    }
}
