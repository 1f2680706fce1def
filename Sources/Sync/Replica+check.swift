import StoreInterface

extension Replica {
    /// What is wrong with the sync log: this replica's own changes must run 1, 2, 3… without a gap
    /// or a double, and no origin may be marked received beyond what was logged from it (the
    /// county's log keeps everything it applied).
    ///
    /// ```swift
    /// let problems = try await replica.logProblems()
    /// ```
    public func logProblems() async throws -> [String] {
        try await store.reading { [origin, role] transaction in
            let log = try transaction.changeLog
            var problems: [String] = []
            let (count, distinct, last) = try log.logCounts(from: origin)
            // A hub's compaction removed some of its own superseded changes (``LogCompaction``).
            let compacted = try LogCompaction.compactedOwn(log)
            if count + compacted != last || distinct != count {
                let removed = compacted > 0 ? " (\(compacted) more compacted)" : ""
                problems.append("own changes: \(count) logged\(removed), \(distinct) distinct, the last numbered \(last)")
            }
            guard role == .county else { return problems }
            for mark in try log.receivedMarks() where mark.received > max(mark.logged, mark.quarantined) {
                problems.append("origin \(mark.origin): received through \(mark.received), logged through \(mark.logged)")
            }
            return problems
        }
    }
}
