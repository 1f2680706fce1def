public import Foundation
public import Sync
public import SyncHTTP

/// A station's side of a bundle: `kiosk bundle export` and `kiosk bundle import`.
extension SyncBundle {
    /// The most changes a part of a station's bundle carries: a push the county takes whole.
    static let changesPerPart = 1_000

    /// What a station exported.
    public struct Export: Sendable {
        public let bundle: SyncBundle
        /// The station's changes it carries.
        public let changes: Int
    }

    /// The station's changes the county has not acknowledged, and how far it holds the county's
    /// log, signed with its key. They stay pending: only the county's answer, or a round over the
    /// network, acknowledges them, so a stick that is lost loses nothing.
    public static func export(from link: StationLink, now: Date = Date()) async throws -> Export {
        try await link.holdingRound { replica, enrollment in
            var (pushes, changes, after): ([Data], Int, Int64?) = ([], 0, nil)
            while true {
                let pending = try await replica.pendingPush(after: after, limit: changesPerPart)
                guard let last = pending.sequences.last else { break }
                pushes.append(try part(pending.wireJSON))
                (changes, after) = (changes + pending.sequences.count, last)
            }
            var bundle = SyncBundle(
                kind: .station, station: enrollment.stationID, createdAt: now, epoch: try await replica.countyEpoch(),
                position: try await replica.pullPosition(), pushes: pushes)
            bundle.signature = try enrollment.sign(bundle.signedBytes)
            return Export(bundle: bundle, changes: changes)
        }
    }

    /// What importing the county's bundle did at a station.
    public struct StationImport: Sendable, Equatable {
        /// The station's changes the county's answer acknowledged that were pending.
        public var acknowledged = 0
        /// Of those, the ones the county quarantined.
        public var quarantined = 0
        /// The county's changes taken (again, harmlessly, for those already held).
        public var pulled = 0
        /// The position of the county's log the station holds after it.
        public var position: Int64 = 0
    }

    /// Takes the county's bundle at its station: its acknowledgement, then its changes, each part
    /// as a round takes a reply. Nothing is taken from a bundle for another station, one not
    /// signed by the county's key the enrollment pinned, or one that would leave a gap in the
    /// county's log; a bundle taken already changes nothing.
    public func apply(at link: StationLink) async throws -> StationImport {
        guard kind == .county else { throw Refusal.wrongKind(kind) }
        return try await link.holdingRound { replica, enrollment in
            guard station == enrollment.stationID else { throw Refusal.otherStation(station) }
            guard enrollment.countyKey.verifies(signature, over: signedBytes) else { throw Refusal.badSignature }
            // The signature vouches for every part; they are read one at a time, so that a year of
            // the county's log never lies inflated in a kiosk's memory at once.
            let acknowledgement = try self.acknowledgement.map { try Self.message(PushReply.self, in: $0) }
            var report = StationImport()
            try await acknowledge(acknowledgement, replica, &report)
            // A new station, or one behind the snapshot's position (below the floor of the county's
            // compacted log, or of a log started again), takes the snapshot first; one that holds the
            // county's data up to it already leaves it.
            let (before, epochBefore, wanted) = try await (replica.pullPosition(), replica.countyEpoch(), replica.snapshotWanted())
            if let snapshot, wanted != nil || before < position || epochBefore != epoch {
                for page in snapshot { report.pulled += try await replica.take(try Self.message(SnapshotReply.self, in: page)) }
            }
            var held = try await replica.pullPosition()
            let heldEpoch = try await replica.countyEpoch()
            let restarted = !heldEpoch.isEmpty && !epoch.isEmpty && heldEpoch != epoch
            guard position <= (restarted ? 0 : held) else { throw Refusal.gap(startsAfter: position, held: restarted ? 0 : held) }
            for part in pulls {
                let reply = try Self.message(PullReply.self, in: part)
                guard restarted || reply.position > held else { continue }
                // The county's log started again (restored from a backup): the first part resets
                // the station's position, and is then taken.
                if try await replica.accept(reply) { try await replica.accept(reply) }
                report.pulled += reply.changes.count
                held = reply.position
            }
            report.position = try await replica.pullPosition()
            return report
        }
    }

    /// Takes the county's acknowledgement if it goes beyond the station's: an older one, carried
    /// again, would set the station back and stamp its refused changes a second time.
    private func acknowledge(_ reply: PushReply?, _ replica: Replica, _ report: inout StationImport) async throws {
        guard let reply else { return }
        let before = try await replica.acknowledged()
        guard reply.acknowledged > before else { return }
        try await replica.accept(reply)
        report.acknowledged = Int(reply.acknowledged - before)
        report.quarantined = reply.quarantined.count { $0.sequence > before }
    }
}
