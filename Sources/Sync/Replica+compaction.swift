public import Foundation
import StoreInterface

/// At the hub: the log compacted below a floor (``LogCompaction``). The floor is where the log
/// stood a number of days ago: each compaction notes the log's last position with the time, and
/// the floor is the newest such mark old enough. A station away for longer takes a snapshot.
extension Replica {
    /// What a compaction did.
    public struct Compaction: Sendable, Equatable {
        /// The position up to which superseded changes are gone (0: none yet, the log is younger
        /// than the days kept).
        public let floor: Int64
        /// The changes removed by this compaction.
        public let removed: Int
        /// The changes the log holds after it.
        public let left: Int
    }

    /// Marks of the log's last position kept, one a day at most and the newest this many.
    static let logMarksKept = 400

    /// Removes the superseded changes logged before the last `days` days (all up to now when 0);
    /// ledger and trace history and every origin's last change stay (``LogCompaction``).
    ///
    /// ```swift
    /// let done = try await county.compactLog(keepingDays: 30)
    /// print("removed \(done.removed), floor \(done.floor)")
    /// ```
    public func compactLog(keepingDays days: Int, now: Date = Date()) async throws -> Compaction {
        precondition(days >= 0, "days kept cannot be negative")
        let floor = try await store.writing { transaction in
            let log = try transaction.changeLog
            let last = try log.lastPosition() ?? 0
            let seconds = Int64(now.timeIntervalSince1970)
            var marks = try Self.logMarks(log)
            if marks.last.map({ seconds - $0.at >= 86_400 }) ?? true { marks.append(LogMark(at: seconds, position: last)) }
            marks = marks.suffix(Self.logMarksKept)
            try log.setState("log_marks", to: marks.map { "\($0.at):\($0.position)" }.joined(separator: ","))
            let old = try HubServer.floor(log) ?? 0
            let reached = days == 0 ? last : marks.last(where: { seconds - $0.at >= Int64(days) * 86_400 })?.position ?? 0
            let floor = max(old, reached)
            if floor > old { try log.setState("log_floor", to: String(floor)) }
            return floor
        }
        let (removed, read) = try await LogCompaction(core: core).compact(throughPosition: floor)
        return Compaction(floor: floor, removed: removed, left: read - removed)
    }

    /// The position up to which the hub compacted its log, 0 before its first compaction.
    public func logFloor() async throws -> Int64 {
        try await store.reading { transaction in try HubServer.floor(try transaction.changeLog) ?? 0 }
    }

    /// Where the log stood at a time (seconds since 1970).
    struct LogMark {
        let at: Int64
        let position: Int64
    }

    static func logMarks(_ log: any ChangeLogTransaction) throws -> [LogMark] {
        (try log.state("log_marks") ?? "").split(separator: ",").compactMap { mark in
            let parts = mark.split(separator: ":")
            guard parts.count == 2, let at = Int64(parts[0]), let position = Int64(parts[1]) else { return nil }
            return LogMark(at: at, position: position)
        }
    }
}
