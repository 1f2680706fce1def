import ChinaLocale
import DemoData
import Foundation
import Notices
import Logging
import Prices
import SQLiteBaselines
import ServiceRuntime
import SlowLink
import Storage
import Sync
import SyncServerService
import Villages

/// A new station's bootstrap with a year of a county's data (2,000 price rows a day: 730,000 rows;
/// 40 notices; a year of the village's books): a snapshot of its scope (protocol 2) against
/// replaying the county's log from the start, beside the gzip'd CSV of what the log holds, both as a
/// station of this release asks (rows as columns). Bytes are the replies as the wire carries them (the
/// messages' JSON, deflated); the time over EDGE and GPRS is those bytes at the link's rate plus a
/// round trip an exchange, against the CSV's at the link's rate (the bandwidth bound).
struct BootstrapBench {
    let days: Int

    func run() async throws -> [Figure] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-bootstrap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let settings = ServiceSettings(program: SyncServerProgram.name, port: 0, dataDirectory: folder.path, logLevel: .error)
        let store = try Store.open(path: folder.appendingPathComponent("county.sqlite").path, role: "county", schema: SyncServerProgram.schema)
        let county = try SyncServerApplication(settings: settings, store: store, webRoot: nil).replica
        try await VillageDirectory(store: store).publish(SampleCounty.divisions, through: county)
        try await PricePublisher(replica: county, today: { .today() }).publish(LinkBench.catalogue)
        let year = LinkBench(days: days, profiles: [])
        try await year.publishGap(county)
        let station = StationPeer(origin: "bench-bootstrap", village: LinkBench.village)

        var snapshot = (bytes: 0, exchanges: 0)
        // As a station of this release asks: documents' rows as columns (``RowsAsColumns``).
        var request = SnapshotRequest(columns: true)
        while true {
            let page = try await county.snapshot(request, for: station)
            snapshot.bytes += try Deflate.compress(page.wireJSON()).count
            snapshot.exchanges += 1
            guard let next = page.next else { break }
            request = SnapshotRequest(position: page.position, cursor: next, columns: true)
        }
        var replay = (bytes: 0, exchanges: 0)
        var position: Int64 = 0
        var more = true
        while more {
            let reply = try await county.serve(PullRequest(after: position, limit: 1_000, columns: true), for: station)
            replay.bytes += try Deflate.compress(reply.wireJSON()).count
            replay.exchanges += 1
            (position, more) = (reply.position, reply.more)
        }
        let csv = try await year.gzipCSVBytes(county, after: 0)
        return try await [LinkProfile.edge, LinkProfile.gprs].map { link in
            let seconds = { (bytes: Int, exchanges: Int) in Double(bytes) / link.bytesPerSecond + Double(exchanges) * 2 * link.latency }
            let (snapshotTime, replayTime) = (seconds(snapshot.bytes, snapshot.exchanges), seconds(replay.bytes, replay.exchanges))
            return Figure(
                name: "bootstrap of a new station with \(days) days (\((days * 2_000).formatted()) price rows, notices, a year of books) "
                    + "over \(link): snapshot vs replaying the log vs gzip'd CSV",
                value: "snapshot \(snapshot.bytes.formatted()) B, \(snapshot.exchanges) exchanges, \(Self.duration(snapshotTime))",
                baseline: "log \(replay.bytes.formatted()) B, \(replay.exchanges) exchanges, \(Self.duration(replayTime)); "
                    + "CSV \(csv.formatted()) B, \(Self.duration(Double(csv) / link.bytesPerSecond))",
                ratio: String(format: "%.2f× the log, %.2f× CSV", Double(snapshot.bytes) / Double(replay.bytes), Double(snapshot.bytes) / Double(csv)),
                goal: "snapshot under the log")
        } + [try await compaction(county, store: store)]
    }

    /// The log's growth with edits of the same records: the county corrects each of the 40 notices it
    /// published 25 times (a correction changes the body alone), and compacts
    /// (``Replica/compactLog(keepingDays:now:)``).
    func compaction(_ county: Replica, store: Store) async throws -> Figure {
        let year = try await SQLiteBaselines.logSize(in: store)
        var notices = Array(SampleNotices.notices(endingOn: .today()).prefix(40))
        for correction in 1...Self.corrections {
            for index in notices.indices { notices[index].body = "（第\(correction)次更正）" + notices[index].body }
            try await NoticePublisher(replica: county).publish(notices)
        }
        let edited = try await SQLiteBaselines.logSize(in: store)
        var done: Replica.Compaction?
        let took = try await Measure.time { done = try await county.compactLog(keepingDays: 0) }
        let compacted = try await SQLiteBaselines.logSize(in: store)
        return Figure(
            name: "the county's log after a year (\(year.0.formatted()) changes) and \(Self.corrections) corrections of each of "
                + "\(notices.count) notices: compacted vs not",
            value: "compacted: \(compacted.0.formatted()) changes, \(Measure.megabytes(compacted.1)) of fields; "
                + "\((done?.removed ?? 0).formatted()) removed in \(String(format: "%.1f", Measure.seconds(took))) s",
            baseline: "not compacted: \(edited.0.formatted()) changes, \(Measure.megabytes(edited.1)); before the corrections \(year.0.formatted()), \(Measure.megabytes(year.1))",
            ratio: "the corrections added \((compacted.0 - year.0).formatted()) changes compacted, \((edited.0 - year.0).formatted()) not",
            goal: "the log stops growing with edits of the same record")
    }

    static let corrections = 25

    static func duration(_ seconds: Double) -> String {
        seconds < 3_600 ? String(format: "%.0f min", seconds / 60) : String(format: "%.1f h", seconds / 3_600)
    }
}
