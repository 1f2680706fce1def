import SyncSQLite
import ChinaLocale
import DemoData
import Foundation
import SQLiteBaselines
import Notices
import NoticesSQLite
import Storage
import Sync

/// Search latency over many notices for 1-, 2- and 4-character queries, through the notices
/// module (FTS5 over Han unigrams and bigrams), beside a plain `LIKE '%…%'` scan of titles and
/// texts — what a search without the index would run — on the same store in the same run.
struct NoticeSearchBench {
    let notices: Int
    let queries: Int
    static let today = BeijingDay("2026-11-20")!
    static let probes = [
        1: ["麦", "补", "猪", "茶", "台", "柚"],
        2: ["补贴", "耕地", "台风", "养老", "防疫", "宅基"],
        4: ["耕地保护", "农机购置", "防御台风", "基本养老", "村务公开", "动物疫病"],
    ]

    func run() async throws -> [Figure] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-notices-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store.open(
            path: folder.appendingPathComponent("notices.sqlite").path, role: "kiosk",
            schema: Schema(modules: [SyncSchema.migrations, NoticesSchema.migrations]))
        let load = try await Measure.time { try await fill(store) }
        print("filled \(notices.formatted()) notices in \(String(format: "%.0f", Measure.seconds(load))) s")
        let search = NoticeQueries(store: store, today: { Self.today })
        var figures: [Figure] = []
        for length in [1, 2, 4] {
            let words = Self.probes[length]!
            var project: [Duration] = [], scan: [Duration] = []
            for index in 0..<queries {
                let word = words[index % words.count]
                project.append(try await Measure.time { _ = try await search.search(word, limit: 20) })
                if index < queries / 10 {  // the scan is slow; a tenth as many suffice for its percentiles
                    scan.append(try await Measure.time { try await Self.scan(store, word) })
                }
            }
            figures.append(
                Figure(
                    name: "notice search, \(length)-character queries: p50 / p99 over \(queries), \(notices.formatted()) notices",
                    value: "\(Measure.milliseconds(Measure.percentile(50, project))) / \(Measure.milliseconds(Measure.percentile(99, project)))",
                    baseline: "LIKE scan \(Measure.milliseconds(Measure.percentile(50, scan))) / \(Measure.milliseconds(Measure.percentile(99, scan)))",
                    ratio: "\(Measure.ratio(Measure.percentile(99, project), Measure.percentile(99, scan)))× at p99",
                    goal: "p99 under 20 ms"))
        }
        return figures
    }

    /// The newest 20 notices whose title or text contains the word, by a scan.
    static func scan(_ store: Store, _ word: String) async throws {
        _ = try SQLiteBaselines.noticesScanned(for: word, in: store)
    }

    /// The demo's notices varied: titles recombined with villages and years, each with its text.
    func fill(_ store: Store) async throws {
        let samples = SampleNotices.notices(endingOn: Self.today)
        let places = ["侯南村", "北塘村", "莒村", "湖寮镇", "百侯镇", "西河镇", "大麻镇", "茶阳镇", "高陂镇", "光德镇"]
        let insert = SQLiteBulkInsert(
            table: "notice",
            columns: ["id", "issuer", "document_number", "title", "category", "signed_on", "published_on", "effective_on", "summary", "body"])
        for first in stride(from: 0, to: notices, by: 5_000) {
            let numbers = Array(first..<min(first + 5_000, notices))
            let titles = numbers.map { number in
                "\(places[(number / samples.count) % places.count])\(samples[number % samples.count].title)"
            }
            let rows: [[SyncValue]] = numbers.enumerated().map { index, number in
                let sample = samples[number % samples.count]
                let day = SyncValue.text(Self.today.adding(days: -(number % 3_650)).text)
                return [
                    .text("B-\(number)"), .text(sample.issuer), .text(sample.documentNumber), .text(titles[index]),
                    .text(sample.category), day, day, day, .text(sample.summary), .text(sample.body),
                ]
            }
            try await insert.insert(rows, into: store) { index, transaction in
                // Indexed as a notice arriving through sync is.
                try NoticesArrivals.notice.derive(
                    from: ArrivedRecord(id: "B-\(numbers[index])", fields: ["title": .text(titles[index])]), transaction)
            }
        }
    }
}
