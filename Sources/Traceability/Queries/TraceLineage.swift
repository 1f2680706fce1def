import Foundation
public import GRDB

/// Where a lot came from and where it went, through every mix and split (trace_link rows of
/// transformations not retracted): upstream to the farmers' lots, downstream for a recall.
///
/// ```swift
/// let sources = try TraceLineage.lots(db, from: lot.id, direction: .upstream)
/// sources.map(\.depth)   // 1 for the lots mixed into it, 2 for theirs…
/// ```
public enum TraceLineage {
    public enum Direction: String, Codable, Sendable {
        case upstream, downstream
    }

    /// A lot reached, how many transformations away, and through which.
    public struct Step: Codable, Sendable, Equatable, FetchableRecord {
        public let lotID: String
        public let depth: Int
        public let viaEventID: String

        enum CodingKeys: String, CodingKey {
            case depth
            case lotID = "lotId", viaEventID = "viaEventId"
        }
        public init(row: Row) {
            lotID = row[0]
            depth = row[1]
            viaEventID = row[2]
        }
    }

    /// Chains longer than this are cut: no real produce passes through a hundred transformations,
    /// and a cycle written by mistake must not loop.
    static let maximumDepth = 100

    /// Every lot reached from a lot, nearest first, each once.
    public static func lots(_ db: Database, from lotID: String, direction: Direction) throws -> [Step] {
        let sql = direction == .upstream ? TraceQueries.Statements.upstream : TraceQueries.Statements.downstream
        return try Step.fetchAll(db.cachedStatement(sql: sql), arguments: [lotID, maximumDepth])
    }

    /// The events of a lot and of every lot upstream of it, oldest first.
    static func events(_ db: Database, lineageOf lotID: String) throws -> [TraceEvent] {
        try events(db, ofLots: [lotID] + (try lots(db, from: lotID, direction: .upstream)).map(\.lotID))
    }

    /// The events of the given lots, oldest first (for a caller that has walked the lineage already).
    static func events(_ db: Database, ofLots ids: [String]) throws -> [TraceEvent] {
        try TraceEvent.fetchAll(
            db.cachedStatement(sql: TraceQueries.Statements.eventsOfLots),
            arguments: [String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)])
    }
}
