/// Where a lot came from and where it went, through every mix and split (trace_link rows of
/// transformations not retracted): upstream to the farmers' lots, downstream for a recall.
///
/// ```swift
/// let sources = try TraceLineage.lots(transaction.trace, from: lot.id, direction: .upstream)
/// sources.map(\.depth)   // 1 for the lots mixed into it, 2 for theirs…
/// ```
public enum TraceLineage {
    public enum Direction: String, Codable, Sendable {
        case upstream, downstream
    }

    /// A lot reached, how many transformations away, and through which.
    public struct Step: Codable, Sendable, Equatable {
        public let lotID: String
        public let depth: Int
        public let viaEventID: String

        enum CodingKeys: String, CodingKey {
            case depth
            case lotID = "lotId", viaEventID = "viaEventId"
        }

        public init(lotID: String, depth: Int, viaEventID: String) {
            (self.lotID, self.depth, self.viaEventID) = (lotID, depth, viaEventID)
        }
    }

    /// Chains longer than this are cut: no real produce passes through a hundred transformations,
    /// and a cycle written by mistake must not loop.
    static let maximumDepth = 100

    /// Every lot reached from a lot, nearest first, each once.
    public static func lots(_ trace: any TraceTransaction, from lotID: String, direction: Direction) throws -> [Step] {
        try trace.lineage(from: lotID, direction: direction, maximumDepth: maximumDepth)
    }

    /// The events of a lot and of every lot upstream of it, oldest first.
    static func events(_ trace: any TraceTransaction, lineageOf lotID: String) throws -> [TraceEvent] {
        try trace.events(ofLots: [lotID] + (try lots(trace, from: lotID, direction: .upstream)).map(\.lotID))
    }
}
