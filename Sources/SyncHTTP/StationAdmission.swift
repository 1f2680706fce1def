import Synchronization
import WebAPI
import HTTPTypes

/// One piece of work at a time per station, and at most one more waiting its turn; a third is
/// refused at once (429 `push_in_progress`).
///
/// A station's rounds never overlap, so a second push of the same station is either the retry of
/// one whose reply the link lost (it waits, and then finds its changes held) or a hostile
/// station's: it must not hold more than its own turn, nor memory for a queue of its pushes.
///
/// ```swift
/// let perStation = StationAdmission()
/// let reply = try await perStation.admit("st-1a2b3c4d") { try await handle(push) }
/// ```
public final class StationAdmission: Sendable {
    private let state = Mutex<[String: Entry]>([:])

    struct Entry {
        let turn = AdmissionLimit(1)
        var holders = 0
    }

    /// The most holders of one station's turn: the one running and one waiting.
    static let mostHolders = 2

    public init() {}

    public func admit<Answer>(_ station: String, _ work: () async throws -> Answer) async throws -> Answer {
        let turn = state.withLock { entries -> AdmissionLimit? in
            var entry = entries[station] ?? Entry()
            guard entry.holders < Self.mostHolders else { return nil }
            entry.holders += 1
            entries[station] = entry
            return entry.turn
        }
        guard let turn else {
            throw APIError(
                status: .tooManyRequests, code: "push_in_progress", message: "本站已有同步在进行，请稍后再试",
                messageEN: "this station already has a push in progress and one waiting")
        }
        defer {
            state.withLock { entries in
                entries[station]?.holders -= 1
                if entries[station]?.holders == 0 { entries[station] = nil }
            }
        }
        return try await turn.admit(work)
    }

    /// Stations holding a turn now, for tests.
    var stationsHolding: Int { state.withLock { $0.count } }

    /// How many hold a station's turn (running or waiting), for tests.
    func holders(of station: String) -> Int { state.withLock { $0[station]?.holders ?? 0 } }
}
