import PostgresStorage
import PricesSQLite
import Foundation
import Sync

/// One line of the report: a figure, the project's value, the baseline measured in the same run,
/// their ratio and the goal.
struct Figure {
    let name: String
    let value: String
    let baseline: String
    let ratio: String
    let goal: String

    static func table(_ figures: [Figure]) -> String {
        (["| figure | project | baseline in the same run | ratio | goal |", "| --- | ---: | ---: | ---: | --- |"]
            + figures.map { "| \($0.name) | \($0.value) | \($0.baseline) | \($0.ratio) | \($0.goal) |" })
            .joined(separator: "\n")
    }
}

/// Timing helpers shared by the measurements.
enum Measure {
    static func time(_ work: () async throws -> Void) async rethrows -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        try await work()
        return clock.now - start
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The median of several runs: one slow run on a shared machine does not move it.
    static func median(_ durations: [Duration]) -> Duration { durations.sorted()[durations.count / 2] }

    /// The p-th percentile (0–100) of latencies.
    static func percentile(_ p: Double, _ durations: [Duration]) -> Duration {
        let sorted = durations.sorted()
        return sorted[min(sorted.count - 1, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1)]
    }

    static func rate(_ count: Double, _ duration: Duration) -> String { String(format: "%.0f", count / seconds(duration)) }
    static func ratio(_ a: Duration, _ b: Duration) -> String { String(format: "%.2f", seconds(a) / seconds(b)) }
    static func milliseconds(_ duration: Duration) -> String { String(format: "%.2f ms", seconds(duration) * 1000) }
    static func seconds(percentile p: Double, _ durations: [Duration]) -> String {
        String(format: "%.2f s", seconds(percentile(p, durations)))
    }
    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }
    /// The size of text as gzip would write it: deflated, with gzip's 18 bytes of header and trailer.
    static func gzipBytes(_ text: String) -> Int {
        (try? Deflate.compress(Data(text.utf8)).count).map { $0 + 18 } ?? 0
    }
    static func bytes(_ total: Int, _ count: Double) -> String { String(format: "%.1f B", Double(total) / count) }
}

/// The whole report, as `BENCHMARKS.md` holds it.
struct Report {
    let sections: [(String, [Figure])]
    /// The PostgreSQL server the run used, if any, named in the command without its password.
    var postgres: PostgresAddress? = nil

    var text: String {
        let machine = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?.split(separator: ":").last?
            .trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        var text = """
            # Benchmarks

            Written by `swift build -c release && .build/release/bench all\(postgres.map { " --postgres \($0)" } ?? "") --write BENCHMARKS.md` \
            on \(Date().formatted(.iso8601)).
            Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores (\(machine)), \
            \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GB, shared and noisy: every figure stands beside a
            baseline measured in the same run. Stores are real files with `synchronous=FULL`.

            """
        for (title, figures) in sections {
            text += "\n## \(title)\n\n" + Figure.table(figures) + "\n"
        }
        return text + "\n" + Self.notes
    }

    static let notes = """
        ## How to read it

        - **capture**: a price row written through the station's replica (the row and its change-log entry,
          bound through SQLite's C API), against a plain INSERT of the same row with one reused prepared
          statement; the median of five interleaved runs.
        - **apply, signed bulletins**: a station verifies each county bulletin's one Ed25519 signature and a
          trigger lays its rows out (with the per-day summary), against plain INSERTs of the same rows into
          the same table. County content is signed per document: with one signature per row this figure
          was 0.05 and the pulled bytes 3.8× gzip'd CSV.
        - **wire**: deflated JSON per price row, against the same rows as gzip'd CSV (with gzip's 18 bytes
          of header and trailer). Pushes carry field names with every change; bulletins carry their rows
          as arrays, which is why they compress better than the CSV of the same rows.
        - **price queries**: the board and a 365-day history through the prices module (GRDB, decoding
          into the answers the API returns), against the very statements the module runs
          (`PriceStatements`), stepped through the SQLite C API on the same file. Pairs of
          queries are interleaved and led by each side in turn. The rows are laid in directly, ten days a
          transaction, with the triggers that keep the per-day summary running as for a bulletin.
        - **notice search**: the notices module's search (FTS5 over Han unigrams and bigrams and title
          pinyin, two tiers newest first) over the demo's notices recombined to 100,000, beside a plain
          `LIKE '%…%'` scan of titles and texts (newest 20), which a common word ends early and a rare
          one makes read everything.
        - **trace-code lookup**: the whole answer a person sees after a scan (code recognised; lot and
          certificate; lineage up and down; the events of the lot and every lot it was made from; the
          safety check; masking) through the traceability module, against the same statements
          (`TraceStatements`) stepped through the C API from the precomputed key. Groups of five
          farmers' lots mixed at a cooperative, 50 events a group; a tenth of the codes are not held.
        - **ledger reports**: the trial balance and balance sheet through the ledger module, against the
          very sums it runs, each as one SQL query (`LedgerStatements`), over ten years of one
          village's posted vouchers laid in directly; the median of 21 interleaved runs.
        - **slow links**: the county program assembled in this process and a station for each profile,
          whose rounds run as `kiosk sync` processes, talking real HTTP through the slow-link emulator
          (`Sources/SlowLink`). Each station syncs once
          over an open link, then the county publishes the gap (30 days of bulletins, 2,000 rows a day;
          40 notices; a year of the village's books with drafts and audit trail) and every station
          catches up at once on its own link. Bytes are what crossed the link both ways, HTTP and all;
          the baseline is every record the station pulled as gzip'd CSV. The time bound (the bandwidth
          bound) is those CSV bytes at the link's rate, with no round trip; the bytes that crossed at that
          rate are shown beside it. A round cut by the link is retried after `kiosk serve`'s first retry (2 s).
          The flapping link goes down for 30 s every 30 s and refuses connections while down; the cutting
          link stays up but drops each kept-alive connection after 48–160 KB (seeded), in the middle of
          an exchange. What a cut costs is the bytes and the time beyond EDGE's catch-up of the same gap
          in the same run, per cut; the time the flapping link was down is not counted as lost.
        - **slow-link emulator**: the relay's accuracy on loopback, each measured once through a relay of
          its own: 45,000 bytes at 240 kbit/s, a round trip at 500 ms each way, a cut 1.2 s after a
          connection opens, and a flapping link's first fall after 1 s up. The emulator's tests only check
          that it holds bytes back at least as long as its settings require.
        - **county throughput**: the real `syncserver serve` in a process of its own, and 300 stations of
          the real station code in this one, each with its own store and connection, enrolled and synced
          once beforehand; each records 1,000 prices of the last 30 days (about 33 a day, 100 varieties,
          20 markets), then all sync at the same moment. Changes a second is 300,000 over the time from the
          first push to the last station's round; each station's time is its whole round (push, then pull).
          The baseline inserts the same rows into the same table (its four indexes and the triggers that
          keep the per-day summary) with one prepared statement, 1,000 a transaction, and the same page
          cache. That table is what bounds the county: its by-day and by-variety indexes take a month of
          prices from 300 villages all over, and plain SQLite itself stays under 20,000 rows a second on
          this machine. The county's peak is its largest resident set, read from `/proc` while it runs,
          against its size after start (a 64 MB page cache and 32 pushes admitted at a time included).
        - **station peak memory**: the largest resident set of each `kiosk sync` process catching up (run
          again after a cut), against the same command's when the station is up to
          date.
        - "an empty async read" (printed, not tabled) is what `await pool.read` costs on this machine,
          the reason the price queries run their reads on the calling task.
        """
}
