import ArgumentParser
import PostgresStorage
import SlowLink
import Foundation

/// `bench`: the project's speed and size figures, each beside a baseline measured in the same run
/// on the same machine. `swift run -c release bench all --write BENCHMARKS.md` rewrites the file.
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure the project's figures beside their baselines.",
        subcommands: [
            Sync.self, Repair.self, Bootstrap.self, PriceQueries.self, NoticeSearch.self, TraceLookup.self, LedgerReports.self, Link.self, County.self, Province.self,
            All.self,
        ])

    struct Sync: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Capture, apply and wire figures of the sync layer against plain SQLite and gzip'd CSV.")
        static let rows = 20_000
        @Option(help: "Price rows to sync.") var rows = Sync.rows

        func run() async throws { print(Figure.table(try await SyncBench(rows: rows).run())) }
    }

    struct Repair: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bytes and round trips to find and mend damaged rows among many, against the bucket sent again as gzip'd CSV.")
        static let (rows, damages) = (1_000_000, [1, 10, 1_000])
        @Option(help: "Rows the station and the county hold.") var rows = Repair.rows
        @Option(help: "Damaged rows, one measurement each.") var damaged: [Int] = Repair.damages

        func run() async throws { print(Figure.table(try await RepairBench(rows: rows, damages: damaged).run())) }
    }

    struct Bootstrap: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A new station's bootstrap with a year of a county's data: a snapshot against replaying the log and gzip'd CSV.")
        static let days = 365
        @Option(help: "Days of bulletins (2,000 price rows a day).") var days = Bootstrap.days

        func run() async throws { print(Figure.table(try await BootstrapBench(days: days).run())) }
    }

    struct PriceQueries: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "prices", abstract: "Board and 365-day history latency over many price rows, against bare SQLite.")
        static let (rows, queries) = (5_000_000, 1_000)
        @Option(help: "Price rows in the store.") var rows = PriceQueries.rows
        @Option(help: "Queries of each kind.") var queries = PriceQueries.queries

        func run() async throws {
            print(Figure.table(try await PriceQueryBench(rows: rows, queries: queries).run()))
        }
    }

    struct NoticeSearch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "notices", abstract: "Search latency over many notices for 1-, 2- and 4-character queries.")
        static let (notices, queries) = (100_000, 600)
        @Option(help: "Notices in the store.") var notices = NoticeSearch.notices
        @Option(help: "Queries of each length.") var queries = NoticeSearch.queries

        func run() async throws {
            print(Figure.table(try await NoticeSearchBench(notices: notices, queries: queries).run()))
        }
    }

    struct TraceLookup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "trace", abstract: "Trace-code lookup latency over many events, against bare SQLite.")
        static let (events, queries) = (1_000_000, 1_000)
        @Option(help: "Trace events in the store.") var events = TraceLookup.events
        @Option(help: "Codes looked up.") var queries = TraceLookup.queries

        func run() async throws {
            print(Figure.table(try await TraceLookupBench(events: events, queries: queries).run()))
        }
    }

    struct LedgerReports: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ledger", abstract: "Trial balance and balance sheet over ten years of books, against one SQL query each.")
        static let (vouchers, runs) = (50_000, 21)
        @Option(help: "Vouchers over the ten years.") var vouchers = LedgerReports.vouchers
        @Option(help: "Runs of each report.") var runs = LedgerReports.runs

        func run() async throws {
            print(Figure.table(try await LedgerReportBench(vouchers: vouchers, runs: runs).run()))
        }
    }

    struct Link: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Catch-up over GPRS, EDGE, 3G, a flapping link and one that cuts kept-alive connections, the idle check, and the emulator's accuracy.")
        static let days = 30
        @Option(help: "Days the station missed.") var days = Link.days
        @Option(help: "Profiles to run: GPRS, EDGE, 3G, flapping, cutting.") var profiles: [String] = LinkProfile.all.map(\.name)

        func run() async throws {
            let chosen = LinkProfile.all.filter { profiles.contains($0.name) }
            print(Figure.table(try await LinkBench(days: days, profiles: chosen).run(meanwhile: {}).0))
        }
    }

    struct County: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "County throughput, sync time and peak memory with many stations pushing at once.")
        static let (stations, changes) = (300, 1_000)
        @Option(help: "Stations syncing at once.") var stations = County.stations
        @Option(help: "Changes each station pushes.") var changes = County.changes
        @Option(help: "A PostgreSQL server (postgres://user:password@host:port/database) to run the county on too, beside SQLite.")
        var postgres: String?

        func run() async throws {
            print(Figure.table(try await CountyThroughputBench(stations: stations, changes: changes).run()))
            if let postgres {
                let server = try PostgresAddress(postgres)
                print(Figure.table(try await CountyThroughputBench(stations: stations, changes: changes, postgres: server).run()))
            }
        }
    }

    struct Province: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One hub for a province on PostgreSQL: simulated stations of several counties against one and two processes.")
        @Option(help: "A PostgreSQL server (postgres://user:password@host:port/database) the hub's databases are made on.")
        var postgres: String
        static let (stations, counties, changes, days) = (3_000, 10, 100, 3)
        @Option(help: "Stations, simulated in this process.") var stations = Province.stations
        @Option(help: "Counties they are spread over.") var counties = Province.counties
        @Option(help: "Prices each station pushes.") var changes = Province.changes
        @Option(help: "Days of bulletins each county publishes (2,000 prices a day).") var days = Province.days

        func run() async throws {
            let bench = ProvinceBench(
                stations: stations, counties: counties, changes: changes, days: days, server: try PostgresAddress(postgres))
            print(Figure.table(try await bench.run()))
        }
    }

    struct All: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every measurement; optionally rewrite BENCHMARKS.md.")
        @Option(help: "Write the report to this file, such as BENCHMARKS.md.") var write: String?
        @Option(help: "Price rows for the query figures.") var priceRows = PriceQueries.rows
        @Option(help: "A PostgreSQL server (postgres://user:password@host:port/database): the county and the province on it too.")
        var postgres: String?

        /// The slow links run first; the other measurements take the minutes in which only GPRS,
        /// mostly idle at 2.5 KB/s, is still catching up.
        func run() async throws {
            let priceRows = priceRows
            let server = try postgres.map { try PostgresAddress($0) }
            let (links, others) = try await LinkBench(days: Link.days, profiles: LinkProfile.all).run {
                try await Self.others(priceRows: priceRows, postgres: server)
            }
            let sections = others + [("Slow links: a \(Link.days)-day catch-up, the idle check and the station's memory", links)]
            print(Figure.table(links))
            if let write { try Report(sections: sections, postgres: server).text.write(toFile: write, atomically: true, encoding: .utf8) }
        }

        static func others(priceRows: Int, postgres: PostgresAddress?) async throws -> [(String, [Figure])] {
            var sections: [(String, [Figure])] = []
            func add(_ title: String, _ figures: [Figure]) {
                sections.append((title, figures))
                print(Figure.table(figures))
            }
            add("Sync layer (\(Sync.rows.formatted()) price rows)", try await SyncBench(rows: Sync.rows).run())
            add(
                "Verification and repair (\(Repair.rows.formatted()) price rows at the station and the county)",
                try await RepairBench(rows: Repair.rows, damages: Repair.damages).run())
            add(
                "Bootstrap of a new station (\(Bootstrap.days) days of a county's data)",
                try await BootstrapBench(days: Bootstrap.days).run())
            add(
                "Price queries (\(priceRows.formatted()) price rows)",
                try await PriceQueryBench(rows: priceRows, queries: PriceQueries.queries).run())
            add(
                "Notice search (\(NoticeSearch.notices.formatted()) notices)",
                try await NoticeSearchBench(notices: NoticeSearch.notices, queries: NoticeSearch.queries).run())
            add(
                "Trace-code lookup (\(TraceLookup.events.formatted()) events)",
                try await TraceLookupBench(events: TraceLookup.events, queries: TraceLookup.queries).run())
            add(
                "Ledger reports (\(LedgerReports.vouchers.formatted()) vouchers)",
                try await LedgerReportBench(vouchers: LedgerReports.vouchers, runs: LedgerReports.runs).run())
            add(
                "County throughput (\(County.stations) stations, \(County.changes.formatted()) changes each)",
                try await CountyThroughputBench(stations: County.stations, changes: County.changes).run())
            guard let postgres else { return sections }
            add(
                "County throughput on PostgreSQL (\(County.stations) stations, \(County.changes.formatted()) changes each)",
                try await CountyThroughputBench(stations: County.stations, changes: County.changes, postgres: postgres).run())
            let province = ProvinceBench(
                stations: Province.stations, counties: Province.counties, changes: Province.changes, days: Province.days, server: postgres)
            add(
                "One hub for a province on PostgreSQL (\(Province.stations.formatted()) stations of \(Province.counties) counties)",
                try await province.run())
            return sections
        }
    }
}
