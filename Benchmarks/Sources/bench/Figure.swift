import Foundation

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
    static func bytes(_ total: Int, _ count: Double) -> String { String(format: "%.1f B", Double(total) / count) }
}

/// The whole report, as `BENCHMARKS.md` holds it.
struct Report {
    let sections: [(String, [Figure])]

    var text: String {
        let machine = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?.split(separator: ":").last?
            .trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        var text = """
            # Benchmarks

            Written by `swift run -c release bench all --write BENCHMARKS.md` on \(Date().formatted(.iso8601)).
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

        - **capture**: a row written with its change-log entry, against a plain INSERT of the same row with one
          reused prepared statement (median of three interleaved runs).
        - **apply, signed bulletins**: a station verifies each county bulletin's one Ed25519 signature and
          lays its rows out, against plain INSERTs of the same rows.
        - **wire**: deflated JSON per price row, against the same rows as gzip'd CSV.
        - **price queries**: the station's board and 365-day history through the prices module (GRDB, async
          read, decoding), against the same SQL statements stepped through the SQLite C API on the same file.
        """
}
