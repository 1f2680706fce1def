import ChinaLocale
import DemoData
import Foundation
import Notices
import Prices
import ServiceRuntime
import Sync
import SyncHTTP
import SyncServerService

extension ProvinceBench {
    /// The province's notices, published for all of it (广东, 44).
    static let provinceNotices = 10
    /// Each county's own notices.
    static let countyNotices = 10

    /// The hub before the run: the catalogue, the province's notices, each county's bulletins and
    /// notices for its division, and a station registered for each village. Answers the enrollment
    /// codes, the hub key's fingerprint, and the gzip'd CSV bytes of what reaches one station.
    func prepare(_ hub: CountyStore) async throws -> (codes: [String], fingerprint: String, csvBytes: Int) {
        let settings = ServiceSettings(program: SyncServerProgram.name, port: 0, dataDirectory: hub.folder.path, database: hub.postgres)
        let store = try await ServiceLauncher.openStore(SyncServerProgram.self, settings: settings)
        let program = try SyncServerProgram.assemble(settings: settings, store: store, webRoot: nil)
        let replica = program.replica
        let today = BeijingDay.today()
        try await PricePublisher(replica: replica, today: { today }).publish(LinkBench.catalogue)
        let samples = SampleNotices.notices(endingOn: today)
        try await NoticePublisher(replica: replica).publish(
            samples.prefix(Self.provinceNotices).map { Self.notice($0, id: "P-\($0.id)", division: "44") })
        var csv = ""
        for index in 0..<counties {
            let code = county(of: index)
            let notices = samples.dropFirst(Self.provinceNotices).prefix(Self.countyNotices).map {
                Self.notice($0, id: "\(code)-\($0.id)", division: code)
            }
            try await NoticePublisher(replica: replica).publish(notices)
            for offset in 0..<days {
                let bulletins = try await replica.writing { transaction in
                    let prices = try LinkBench.dayOfPrices(
                        today.adding(days: -offset), offset: offset, catalogue: try transaction.prices.catalogue(), today: today)
                    return try PricePublisher(replica: replica, today: { today }).publish(
                        prices, source: "\(code) 农业农村局", division: code, transaction)
                }
                if index == 0 { csv += bulletins.flatMap { $0.prices }.map(Self.csvLine).joined() }
            }
            if index == 0 { csv += notices.map(Self.csvLine).joined() }
        }
        csv += samples.prefix(Self.provinceNotices).map(Self.csvLine).joined()
        csv += LinkBench.catalogue.varieties.map { "\($0.code),\($0.name),\($0.categoryCode)\n" }.joined()
        csv += LinkBench.catalogue.markets.map { "\($0.id),\($0.name),\($0.regionCode)\n" }.joined()

        var codes: [String] = []
        for station in 0..<stations {
            codes.append(try await program.registry.add(village: village(of: station), name: "站 \(station + 1)").code)
        }
        let fingerprint = try program.registry.countyFingerprint()
        await store.close()
        return (codes, fingerprint, Measure.gzipBytes(csv))
    }

    /// A sample notice under an id of its own, published for a division, relating to none.
    static func notice(_ sample: Notice, id: String, division: String) -> Notice {
        var notice = sample
        notice.id = id
        notice.relations = []
        notice.division = division
        return notice
    }

    static func csvLine(_ notice: Notice) -> String {
        [notice.id, notice.title, notice.issuer, notice.publishedOn, notice.summary, notice.body].joined(separator: ",") + "\n"
    }

    static func csvLine(_ price: CheckedPrice) -> String {
        [price.entry.varietyCode, price.entry.marketID, price.day.text, "\(price.minFen)", "\(price.avgFen)", "\(price.maxFen)", price.unit.rawValue]
            .joined(separator: ",") + "\n"
    }
}
