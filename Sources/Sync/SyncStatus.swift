public import Foundation
import StoreInterface

/// What a replica can say of its sync at any time (DESIGN §2.7).
///
/// ```swift
/// let status = try await replica.status()
/// print(status.pendingPush, status.openConflicts, status.clockOffsetMilliseconds)
/// ```
public struct SyncStatus: Sendable, Codable, Equatable {
    /// When the last round completed, if one has.
    public let lastSuccess: Date?
    /// Own changes the county has not acknowledged (always 0 at the county).
    public let pendingPush: Int64
    /// Changes held in quarantine, with their reasons, here.
    public let quarantined: Int
    /// Conflicts not yet resolved.
    public let openConflicts: Int
    /// County time minus this device's time, as last learnt.
    public let clockOffsetMilliseconds: Int64
    /// At a station: the last Beijing date the county will accept this release's sync protocol on,
    /// when the county has announced it will stop (``ProtocolSupport``); `""` if it no longer does.
    /// The operator upgrades the station before then.
    public var upgradeBy: String? = nil

    /// The same status with its quarantine and conflicts counted for part of a hub: a division's
    /// stations and villages, for its staff.
    public func counting(quarantined: Int, openConflicts: Int) -> SyncStatus {
        SyncStatus(
            lastSuccess: lastSuccess, pendingPush: pendingPush, quarantined: quarantined, openConflicts: openConflicts,
            clockOffsetMilliseconds: clockOffsetMilliseconds, upgradeBy: upgradeBy)
    }
}

extension Replica {
    public func status() async throws -> SyncStatus {
        try await store.reading { transaction in
            let log = try transaction.changeLog
            return SyncStatus(
                lastSuccess: try log.state("last_success").flatMap { try? Date($0, strategy: .iso8601) },
                pendingPush: try pendingCount(log),
                quarantined: try log.quarantinedCount(from: nil),
                openConflicts: try log.openConflictCount(scope: nil),
                clockOffsetMilliseconds: clock.offsetMilliseconds,
                upgradeBy: try log.state("county_protocol").flatMap { text in
                    try? JSONDecoder().decode(ProtocolSupport.self, from: Data(text.utf8))
                }?.acceptedUntil(version: SyncProtocol.version))
        }
    }

    /// Own changes the county has not acknowledged (always 0 at the county).
    public func pendingCount() async throws -> Int64 {
        try await store.reading { transaction in try pendingCount(try transaction.changeLog) }
    }

    func pendingCount(_ log: any ChangeLogTransaction) throws -> Int64 {
        guard role != .county else { return 0 }
        return max(0, try core.received(from: origin, log) - ReplicaCore.acknowledged(log))
    }

    /// How far a station's sync has come: the last of its changes the county acknowledged and the
    /// position of the county's log it applied. A round the link cut that moved either made
    /// progress: the link works, and the next round goes on from there.
    public func progress() async throws -> [Int64] {
        try await store.reading { transaction in
            let log = try transaction.changeLog
            return [try ReplicaCore.acknowledged(log), try log.state("pull_position").flatMap { Int64($0) } ?? 0]
        }
    }

    func recordSuccess() async throws {
        try await store.writing { transaction in
            try transaction.changeLog.setState("last_success", to: Date().formatted(.iso8601))
        }
    }
}

/// A change held in quarantine, and why.
public struct QuarantineEntry: Sendable, Codable, Equatable {
    public let origin: String
    public let sequence: Int64
    public let reason: String
    public let quarantinedAt: String

    public init(origin: String, sequence: Int64, reason: String, quarantinedAt: String) {
        self.origin = origin
        self.sequence = sequence
        self.reason = reason
        self.quarantinedAt = quarantinedAt
    }
}

extension Replica {
    /// The changes in quarantine here, newest first: of these origins (a division's stations at a
    /// hub), or of all.
    public func quarantined(limit: Int = 200, from origins: Set<String>? = nil) async throws -> [QuarantineEntry] {
        try await store.reading { transaction in try transaction.changeLog.quarantined(limit: limit, from: origins) }
    }

    /// How many changes of these origins are in quarantine.
    public func quarantinedCount(from origins: Set<String>) async throws -> Int {
        try await store.reading { transaction in try transaction.changeLog.quarantinedCount(from: origins) }
    }
}
