public import ChinaLocale
import Foundation
public import Sync
import Traceability
import Storage

/// Sample traceability for the demo, as the villages' stations would have recorded it and the
/// county would hold it after sync: 百侯镇 honey pomelo from two farmers mixed and split at a
/// cooperative, one farmer's lot harvested before its pesticide's safety interval had passed, and
/// a 莒村 tea lot recalled after an official sampling failed.
///
/// Producers and codes are illustrative. Codes to try at the kiosk: ``codesToTry``.
///
/// ```swift
/// try await SampleTrace.seed(through: countyReplica, today: .today())
/// ```
public enum SampleTrace {
    static let houNan = "441422107201"
    static let beiTang = "441422113203"
    static let juCun = "441422100205"

    /// A code of each kind of answer: 合格 through mixing, 不合格 (safety interval), 已召回, 未查到.
    public static let codesToTry = [
        ("(01)06901234567892(10)2611A", "合作社混批后分装的蜜柚，合格"),
        ("HN-2611-002", "未过安全间隔期就采收的蜜柚，不合格"),
        ("91441422MA4W8C5X12-T0902", "监督抽检不合格、已召回的茶叶"),
        ("6901234567893", "输错一位的条码"),
    ]

    public static func seed(through county: Replica, today: BeijingDay) async throws {
        guard try await TraceQueries(store: county.store).recentLots(village: nil, limit: 1).isEmpty else { return }
        let at = { (daysAgo: Int, hour: Int) in "\(today.adding(days: -daysAgo).text)T\(String(format: "%02d", hour)):00:00+08:00" }
        let atHouNan = TraceRecorder(replica: county, onBehalfOf: houNan)
        let atBeiTang = TraceRecorder(replica: county, onBehalfOf: beiTang)
        let atJuCun = TraceRecorder(replica: county, onBehalfOf: juCun)

        let zhang = try await atHouNan.register(pomelo("HN-2611-001", grams: 2_000_000, farmer: "张建国", phone: "13812345678", plot: "侯南三组东坡"), by: "侯南村信息员")
        let wang = try await atHouNan.register(pomelo("HN-2611-002", grams: 1_200_000, farmer: "王秀英", phone: "13923456789", plot: "侯南五组河背"), by: "侯南村信息员")
        let liu = try await atBeiTang.register(pomelo("BT-2611-001", grams: 1_500_000, farmer: "刘德明", phone: "13734567890", plot: "北塘二组"), by: "北塘村信息员")
        for (recorder, lot, daysAgo) in [(atHouNan, zhang, 40), (atHouNan, wang, 25), (atBeiTang, liu, 38)] {
            _ = try await recorder.record(event(lot, .planting, at(200, 8)), by: "信息员")
            _ = try await recorder.record(spray(lot, at(daysAgo, 7), interval: daysAgo == 25 ? 21 : 14), by: "信息员")
            _ = try await recorder.record(event(lot, .harvesting, at(daysAgo == 25 ? 18 : 20, 6)), by: "信息员")
        }
        _ = try await atHouNan.record(test(zhang, at(19, 9), passed: true, kind: .selfTest, by: "侯南村检测室"), by: "侯南村信息员")
        _ = try await atHouNan.issue(CertificateEntry(lotID: zhang.id, issuedOn: today.adding(days: -19).text, testKind: .selfTest, testPassed: true), by: "张建国")
        _ = try await atBeiTang.issue(CertificateEntry(lotID: liu.id, issuedOn: today.adding(days: -19).text), by: "刘德明")

        for lot in [zhang, liu] {
            var bought = event(lot, .receiving, at(18, 10))
            bought.sourceName = lot.producerName
            bought.sourceKind = .person
            bought.destinationName = cooperative
            bought.destinationKind = .cooperative
            _ = try await (lot.villageCode == houNan ? atHouNan : atBeiTang).record(bought, by: "合作社")
        }
        let mixed = try await atHouNan.transform(
            TransformationEntry(
                inputs: [zhang.id, liu.id],
                outputs: [coopLot("(01)06901234567892(10)2611", grams: 3_400_000)], occurredAt: at(17, 9),
                bizLocation: "侯南蜜柚分拣中心", note: "两户蜜柚混批分级"), by: "合作社")
        let packs = try await atHouNan.transform(
            TransformationEntry(
                inputs: [mixed.outputs[0].id],
                outputs: [coopLot("(01)06901234567892(10)2611A", grams: 2_000_000), coopLot("(01)06901234567892(10)2611B", grams: 1_350_000)],
                occurredAt: at(16, 9), bizLocation: "侯南蜜柚分拣中心", note: "分装 5 公斤礼盒"), by: "合作社")
        let pack = packs.outputs[0]
        _ = try await atHouNan.record(test(pack, at(16, 14), passed: true, kind: .lab, by: "梅州市农产品质量检测中心"), by: "合作社")
        _ = try await atHouNan.issue(CertificateEntry(lotID: pack.id, issuedOn: today.adding(days: -16).text, testKind: .lab, testPassed: true), by: "合作社")
        var shipped = event(pack, .shipping, at(15, 6))
        shipped.sourceName = cooperative
        shipped.sourceKind = .cooperative
        shipped.destinationName = "梅州农产品批发市场"
        shipped.destinationKind = .market
        _ = try await atHouNan.record(shipped, by: "合作社")
        var selling = event(pack, .retailSelling, at(14, 5))
        selling.bizLocation = "梅州农产品批发市场 B 区 12 号"
        _ = try await atHouNan.record(selling, by: "合作社")

        var teaEntry = LotEntry(
            traceCode: "91441422MA4W8C5X12-T0902", productName: "大埔单丛茶", quantityG: 300_000,
            producerName: "大埔县飞天茶业有限公司", producerKind: .company, producerPhone: "0753-5521234",
            producerCreditCode: "91441422MA4W8C5X12", origin: "莒村茶山")
        teaEntry.varietyCode = nil
        let tea = try await atJuCun.register(teaEntry, by: "莒村信息员")
        _ = try await atJuCun.record(event(tea, .harvesting, at(30, 7)), by: "莒村信息员")
        let countyDesk = TraceRecorder(replica: county)
        _ = try await countyDesk.record(test(tea, at(10, 10), passed: false, kind: .official, by: "大埔县农产品质量安全检测站", item: "联苯菊酯残留"), by: "县农业农村局")
        var recall = event(tea, .recalling, at(9, 16))
        recall.note = "监督抽检联苯菊酯残留超标，请立即停止销售"
        _ = try await countyDesk.record(recall, by: "县农业农村局")
    }

    static let cooperative = "大埔县侯南蜜柚专业合作社"

    static func pomelo(_ code: String, grams: Int64, farmer: String, phone: String, plot: String) -> LotEntry {
        LotEntry(
            traceCode: code, productName: "大埔蜜柚", varietyCode: nil, quantityG: grams, producerName: farmer,
            producerKind: .person, producerPhone: phone, origin: plot)
    }

    static func coopLot(_ code: String, grams: Int64) -> LotEntry {
        LotEntry(
            traceCode: code, productName: "大埔蜜柚（礼盒）", quantityG: grams, producerName: cooperative, producerKind: .cooperative,
            producerPhone: "0753-5512345", producerCreditCode: "93441422MA51XK2D36", origin: "百侯镇侯南村")
    }

    static func event(_ lot: TraceLot, _ kind: TraceEventKind, _ at: String) -> EventEntry {
        EventEntry(lotID: lot.id, kind: kind, occurredAt: at)
    }

    static func spray(_ lot: TraceLot, _ at: String, interval: Int) -> EventEntry {
        var entry = event(lot, .pesticide, at)
        entry.inputName = "阿维菌素"
        entry.registrationNumber = "PD20101234"
        entry.dose = "1500 倍液"
        entry.safetyIntervalDays = interval
        return entry
    }

    static func test(_ lot: TraceLot, _ at: String, passed: Bool, kind: TestKind, by tester: String, item: String = "农药残留")
        -> EventEntry
    {
        var entry = event(lot, .inspecting, at)
        entry.testKind = kind
        entry.testItem = item
        entry.testPassed = passed
        entry.tester = tester
        return entry
    }
}
