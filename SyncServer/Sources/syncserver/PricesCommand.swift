import ArgumentParser
import DomainCore
import Foundation
import Prices
import ServiceRuntime
import SyncServerService
import WebAPI

/// `syncserver prices`: the county's price catalogue and bulletins (农产品价格).
struct PricesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prices", abstract: "Publish the price catalogue and import price bulletins.",
        subcommands: [Import.self, Catalogue.self])

    /// Imports a spreadsheet of prices (CSV, UTF-8 or GBK) as signed bulletins, one per day.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import prices from a CSV file as bulletins, and report the rows taken and refused.",
            discussion: """
                Columns, found by their headers: 日期, 品种, 市场, 最低价, 平均价, 最高价, 单位 (needed), \
                规格, 产地, 交易量 (optional). Prices in 元, varieties and markets by name or code. \
                A file that cannot be read imports nothing; refused rows are listed with their reasons.
                """)
        @OptionGroup var storage: DataDirectoryOption<SyncServerProgram>
        @Option(help: "Who publishes the prices, shown with them.") var source = "县农业农村局"
        @Option(help: "The division the bulletins are for (its 2-, 4-, 6- or 9-digit code); only its stations receive them. Default: the hub's whole area.")
        var division = ""
        @Argument(help: "The CSV file.") var file: String

        func run() async throws {
            try await CountyPublishing.run(storage: storage, reading: file) { county in
                let data = try Data(contentsOf: URL(fileURLWithPath: file))
                let report = try await PricePublisher(replica: county).importSheet(data, source: source, division: division)
                print(
                    "\(file) (\(report.encoding)): \(report.taken) rows published in \(report.bulletins.count) bulletins"
                        + " (\(report.corrections) corrections, \(report.flagged) flagged 待核实),"
                        + " \(report.alreadyPublished) already published, \(report.refused.count) refused")
                for refusal in report.refused {
                    print("  line \(refusal.line)\(refusal.column.map { " [\($0)]" } ?? ""): \(refusal.reason)")
                }
            }
        }
    }

    /// Publishes the categories, varieties and markets from a JSON file.
    struct Catalogue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish the price catalogue from a JSON file: {\"categories\", \"varieties\", \"markets\"}.")
        @OptionGroup var storage: DataDirectoryOption<SyncServerProgram>
        @Argument(help: "The JSON file.") var file: String

        func run() async throws {
            try await CountyPublishing.run(storage: storage, reading: file) { county in
                let catalogue = try JSONCoding.decoder.decode(PriceCatalogue.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
                try await PricePublisher(replica: county).publish(catalogue)
                print("published \(catalogue.categories.count) categories, \(catalogue.varieties.count) varieties, \(catalogue.markets.count) markets")
            }
        }
    }
}
