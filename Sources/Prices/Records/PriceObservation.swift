import StoreInterface
public import Sync

/// One price record (价格记录): a variety's minimum, average and maximum price at one market on one
/// day, in 分 per 公斤. It is either a row of a county bulletin or recorded at a station.
///
/// Records are never changed: a correction is a new record whose `corrects` names the old one,
/// which then stops counting. A suspect price (a likely 斤/公斤 slip, or an outlier) is kept and
/// flagged 待核实 for a person to check, never dropped.
///
/// ```swift
/// let board = try await PriceQueries(store: store).board()
/// board.rows.first?.avgFen   // 分 per 公斤
/// ```
public struct PriceObservation: SyncRecord, Sendable, Equatable {
    public let id: String
    /// The bulletin it came in, or `nil` when recorded at a station.
    public let bulletinID: String?
    /// The village of the station that recorded it, or `""` for the county's.
    public let villageCode: String
    /// Who published it: the bulletin's source, or the station.
    public let source: String
    public let varietyCode: String
    public let marketID: String
    public let regionCode: String
    public let observedOn: String
    public let minFen: Int64
    public let avgFen: Int64
    public let maxFen: Int64
    /// The unit it was entered in; the prices above are already per 公斤.
    public let unit: String
    /// Spec or grade (规格/等级), origin (产地), and volume traded in 公斤, when known.
    public let spec: String
    public let origin: String
    public let volumeKg: Int64?
    /// The record this one corrects.
    public let corrects: String?
    /// Why it is suspect, comma-separated ``SuspectPrice`` reasons; empty when not.
    public let flags: String
    public let recordedBy: String
    public let recordedAt: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, villageCode, source, varietyCode, regionCode, observedOn, minFen, avgFen, maxFen, unit, spec, origin
        case volumeKg, corrects, flags, recordedBy, recordedAt
        case bulletinID = "bulletinId", marketID = "marketId"
    }

    /// Whether it is flagged 待核实.
    public var isSuspect: Bool { !flags.isEmpty }
}
