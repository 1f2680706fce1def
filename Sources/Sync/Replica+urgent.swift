import Foundation
import StoreInterface

extension Replica {
    /// How many urgent changes a pull reply carries ahead of its batch.
    static let urgentAhead = 20

    /// Whether a change belongs to the urgent lane: a county record whose collection's urgent
    /// field is set.
    func isUrgent(_ change: Change) -> Bool {
        guard let field = collections[change.collection]?.urgentField, case .integer(let value) = change.fields[field] else {
            return false
        }
        return value != 0
    }

    // MARK: At the county

    /// Answers a station's pull: first records which urgent changes it now holds (those it names,
    /// and those its position covers), then the next batch with urgent changes beyond it ahead.
    public func serve(_ request: PullRequest, for station: StationPeer) async throws -> PullReply {
        // Most pulls have nothing to record: a read says so, and spares the county a write.
        let unrecorded = try await store.reading { transaction in
            try transaction.changeLog.hasUnrecordedUrgent(through: request.after, inScope: station.village, station: station.origin)
        }
        guard unrecorded || !request.heldUrgent.isEmpty else {
            return try await changes(after: request.after, for: station, limit: request.limit)
        }
        try await store.writing { [origin] transaction in
            let log = try transaction.changeLog
            let now = Date().formatted(.iso8601)
            try log.recordUrgentReceipts(station: station.origin, through: request.after, inScope: station.village, at: now)
            for sequence in request.heldUrgent.prefix(Self.urgentAhead * 2) {
                try log.recordUrgentReceipt(station: station.origin, origin: origin, sequence: sequence, at: now)
            }
        }
        return try await changes(after: request.after, for: station, limit: request.limit)
    }

    /// A station holding an urgent record, and since when the county knows it.
    public struct UrgentReceipt: Sendable, Equatable, Codable {
        public let station: String
        public let receivedAt: String

        public init(station: String, receivedAt: String) {
            self.station = station
            self.receivedAt = receivedAt
        }
    }

    /// The stations (by origin) known to hold the latest urgent change of a record.
    public func urgentReceipts(collection: String, recordID: String) async throws -> [UrgentReceipt] {
        try await store.reading { transaction in
            try transaction.changeLog.urgentReceipts(collection: collection, recordID: recordID)
        }
    }

    // MARK: At a station

    /// The urgent changes received ahead of the pull position, to name in the next pull.
    public func heldUrgent() async throws -> [Int64] {
        try await store.reading { transaction in
            (try transaction.changeLog.state("urgent_held") ?? "").split(separator: ",").compactMap { Int64($0) }
        }
    }
}
